import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionSpec } from '../../src/redis/target.js';
import { ConnectError, ConnectionClosedError, RespConnection, type CloseReason } from '../../src/resp/connection.js';
import type { Reply } from '../../src/resp/types.js';
import { freePort, startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

const args = (...words: Array<string | Buffer>): Buffer[] => words.map((word) => (typeof word === 'string' ? Buffer.from(word) : word));
const bulk = (text: string): Reply => ({ type: 'bulk', value: Buffer.from(text) });
const spec = (port: number, extra: Partial<ConnectionSpec> = {}): ConnectionSpec => ({ host: '127.0.0.1', port, db: 0, tls: false, ...extra });

let server: TestServer;
const open: RespConnection[] = [];

async function connect(protocol: 2 | 3 = 2): Promise<RespConnection> {
  const connection = await RespConnection.connect(spec(server.port));
  open.push(connection);
  if (protocol === 3) await connection.send(args('hello', '3'));
  return connection;
}

beforeAll(async () => {
  server = await startTestServer(['--enable-debug-command', 'yes']);
});
afterAll(async () => {
  for (const connection of open) connection.destroy();
  await server.stop();
});

describe.each<2 | 3>([2, 3])('RespConnection over RESP%i', (protocol) => {
  it('pipelines 1000 commands and matches replies in order', async () => {
    const connection = await connect(protocol);
    const key = `counter:${protocol}`;
    await connection.send(args('del', key));
    const replies = await Promise.all(Array.from({ length: 1000 }, () => connection.send(args('incr', key))));
    expect(replies).toEqual(Array.from({ length: 1000 }, (_, i): Reply => ({ type: 'integer', value: BigInt(i + 1) })));
  });

  it('round-trips every byte value in keys and values', async () => {
    const connection = await connect(protocol);
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const key = Buffer.concat([Buffer.from(`bin:${protocol}:\r\n`), everyByte]);
    expect(await connection.send([Buffer.from('set'), key, everyByte])).toEqual({ type: 'status', value: Buffer.from('OK') });
    expect(await connection.send([Buffer.from('get'), key])).toEqual({ type: 'bulk', value: everyByte });
  });

  it('resolves error replies instead of rejecting', async () => {
    const connection = await connect(protocol);
    await connection.send(args('set', 'text', 'abc'));
    const [incr, ping] = await Promise.all([connection.send(args('incr', 'text')), connection.send(args('ping'))]);
    expect(incr).toEqual({ type: 'error', value: Buffer.from('ERR value is not an integer or out of range') });
    expect(ping).toEqual({ type: 'status', value: Buffer.from('PONG') });
  });

  it('returns a large reply intact', async () => {
    const connection = await connect(protocol);
    const value = Buffer.alloc(3 << 20, 'z');
    await connection.send([Buffer.from('set'), Buffer.from('big'), value]);
    const reply = await connection.send(args('get', 'big'));
    expect(reply.type === 'bulk' && reply.value.equals(value)).toBe(true);
  });

  it('delivers subscribe confirmations and messages through read()', async () => {
    const subscriber = await connect(protocol);
    const publisher = await connect();
    const channel = `news:${protocol}`;
    subscriber.write(args('subscribe', channel));
    const kind = protocol === 3 ? 'push' : 'array';
    expect(await subscriber.read()).toEqual({ type: kind, items: [bulk('subscribe'), bulk(channel), { type: 'integer', value: 1n }] });
    await publisher.send(args('publish', channel, 'hello'));
    expect(await subscriber.read()).toEqual({ type: kind, items: [bulk('message'), bulk(channel), bulk('hello')] });
  });

  it('streams MONITOR lines through read()', async () => {
    const monitor = await connect(protocol);
    const other = await connect();
    monitor.write(args('monitor'));
    expect(await monitor.read()).toEqual({ type: 'status', value: Buffer.from('OK') });
    await other.send(args('set', 'a b', 'x"y'));
    const line = await monitor.read();
    expect(line.type === 'status' && line.value.toString()).toMatch(/^\d+\.\d+ \[0 127\.0\.0\.1:\d+\] "set" "a b" "x\\"y"$/);
  });
});

describe('RespConnection: RESP3 specifics', () => {
  it('parses maps, sets, doubles and verbatim strings from a live server', async () => {
    const connection = await connect(3);
    const replies = await Promise.all(
      ['map', 'set', 'double', 'true', 'verbatim', 'null'].map((type) => connection.send(args('debug', 'protocol', type))),
    );
    expect(replies).toEqual([
      {
        type: 'map',
        entries: [0, 1, 2].map((i): [Reply, Reply] => [{ type: 'integer', value: BigInt(i) }, { type: 'boolean', value: i === 1 }]),
      },
      { type: 'set', items: [0, 1, 2].map((i): Reply => ({ type: 'integer', value: BigInt(i) })) },
      { type: 'double', value: '3.141' },
      { type: 'boolean', value: true },
      { type: 'verbatim', format: 'txt', value: Buffer.from('This is a verbatim\nstring') },
      { type: 'nil' },
    ]);
  });

  it('never lets a push answer a request, and keeps arrival order', async () => {
    const connection = await connect(3);
    const key = 'tracked';
    await connection.send(args('set', key, 'v1'));
    await connection.send(args('client', 'tracking', 'on'));
    await connection.send(args('get', key));
    // Our own write invalidates the key: the server sends +OK, then the push.
    expect(await connection.send(args('set', key, 'v2'))).toEqual({ type: 'status', value: Buffer.from('OK') });
    expect(await connection.send(args('get', key))).toEqual(bulk('v2'));
    expect(await connection.read()).toEqual({ type: 'push', items: [bulk('invalidate'), { type: 'array', items: [bulk(key)] }] });
  });

  it('reports an attribute as the protocol error redis-cli 7.0 dies with', async () => {
    const connection = await connect(3);
    const closed = new Promise<CloseReason>((resolve) => connection.onClose(resolve));
    const pending = connection.send(args('debug', 'protocol', 'attrib'));
    await expect(pending).rejects.toThrow(ConnectionClosedError);
    expect(await closed).toEqual({ kind: 'protocol-error', message: 'Protocol error, got "|" as reply type byte' });
  });
});

describe('RespConnection: sends only what it is given', () => {
  it('does no AUTH, SELECT or HELLO of its own, whatever the spec says', async () => {
    const fresh = await startTestServer();
    try {
      const connection = await RespConnection.connect(spec(fresh.port, { username: 'u', password: 'p', db: 3 }));
      const info = await connection.send(args('info', 'commandstats'));
      const client = await connection.send(args('client', 'info'));
      await connection.close();
      const commands = info.type === 'bulk' ? [...info.value.toString().matchAll(/^cmdstat_([^:]+):/gm)].map((m) => m[1]) : [];
      expect(commands.filter((name) => name !== 'ping' && name !== 'info').sort()).toEqual([]);
      expect(client.type === 'bulk' && client.value.toString()).toMatch(/ db=0 [\s\S]* resp=2\b/);
    } finally {
      await fresh.stop();
    }
  });
});

/** Waits until the server reports a client blocked, so the kill lands mid-command. */
async function untilBlocked(port: number): Promise<void> {
  const observer = await RespConnection.connect(spec(port));
  try {
    await waitUntil(async () => {
      const info = await observer.send(args('info', 'clients'));
      return info.type === 'bulk' && /blocked_clients:1\r/.test(info.value.toString());
    }, 'the BLPOP to block');
  } finally {
    observer.destroy();
  }
}

describe('RespConnection: closing', () => {
  it('reports the server going away and rejects what was pending', async () => {
    const doomed = await startTestServer();
    const connection = await RespConnection.connect(spec(doomed.port));
    const closed = new Promise<CloseReason>((resolve) => connection.onClose(resolve));
    // Settled into a value right away, so the rejection is never unhandled.
    const blocked = connection.send(args('blpop', 'nolist', '0')).catch((error: unknown) => error);
    await untilBlocked(doomed.port);
    await doomed.stop();
    const reason = await closed;
    expect(reason).toEqual({ kind: 'server-closed', message: 'Server closed the connection' });
    const error = await blocked;
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).toMatchObject({ reason, message: 'Connection closed: Server closed the connection' });
    await expect(connection.send(args('ping'))).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(connection.closed).toEqual(reason);
  });

  it('answers QUIT, then reports the close', async () => {
    const connection = await connect();
    const closed = new Promise<CloseReason>((resolve) => connection.onClose(resolve));
    expect(await connection.send(args('quit'))).toEqual({ type: 'status', value: Buffer.from('OK') });
    expect((await closed).kind).toBe('server-closed');
  });

  it('read() returns what arrived before the close, then rejects', async () => {
    const connection = await connect();
    connection.write(args('ping'));
    connection.write(args('quit'));
    const closed = new Promise<CloseReason>((resolve) => connection.onClose(resolve));
    await closed;
    expect(await connection.read()).toEqual({ type: 'status', value: Buffer.from('PONG') });
    expect(await connection.read()).toEqual({ type: 'status', value: Buffer.from('OK') });
    await expect(connection.read()).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('close() by the client rejects pending sends as closed locally', async () => {
    const connection = await connect();
    const blocked = connection.send(args('blpop', 'nolist', '0')).catch((error: unknown) => error);
    await connection.close();
    expect(await blocked).toBeInstanceOf(ConnectionClosedError);
    expect(connection.closed?.kind).toBe('closed-locally');
    expect(() => connection.write(args('ping'))).toThrow(ConnectionClosedError);
  });

  it('destroy() closes at once', async () => {
    const connection = await connect();
    const closed = new Promise<CloseReason>((resolve) => connection.onClose(resolve));
    connection.destroy();
    expect(await closed).toEqual({ kind: 'closed-locally', message: 'Connection closed by client' });
  });
});

describe('RespConnection.connect failures', () => {
  it('names a refused connection like redis-cli', async () => {
    const port = await freePort();
    const failure = RespConnection.connect(spec(port));
    await expect(failure).rejects.toBeInstanceOf(ConnectError);
    await expect(failure).rejects.toThrow(`Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
    await expect(failure).rejects.toMatchObject({ reason: 'Connection refused', code: 'ECONNREFUSED' });
  });

  it('gives up after connectTimeoutMs (a TLS handshake nobody answers)', async () => {
    const silent: Server = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const failure = RespConnection.connect(spec(port, { tls: true }), { connectTimeoutMs: 200 });
      await expect(failure).rejects.toMatchObject({ reason: 'Connection timed out', code: 'ETIMEDOUT' });
    } finally {
      silent.close();
    }
  });
});
