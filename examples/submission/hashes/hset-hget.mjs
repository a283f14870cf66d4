// Stores Alice's profile as a hash and reads her email back, over a bare
// RESP connection (a real answer would use ioredis or node-redis with
// process.env.REDIS_URL).
import { connect } from 'node:net';

const command = (...args) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

const socket = connect(Number(process.env.REDIS_PORT), process.env.REDIS_HOST);
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
