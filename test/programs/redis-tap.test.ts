import { connect, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisTap } from '../../src/programs/redis-tap.js';
import type { TapConnectionInfo, TapListener, TapOutcome, TapPush } from '../../src/programs/tap-events.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

const resp = (...args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

class RecordingListener implements TapListener {
  readonly answers: { connection: number; args: string[]; outcome: TapOutcome }[] = [];
  readonly pushes: { connection: number; push: TapPush }[] = [];
  holdOn: string | undefined;
  onHeld: (() => Promise<void>) | undefined;

  holdAfter(args: readonly string[]): boolean {
    return args[0]?.toUpperCase() === this.holdOn;
  }

  answered(connection: TapConnectionInfo, args: string[], outcome: TapOutcome): Promise<void> | undefined {
    this.answers.push({ connection: connection.id, args, outcome });
    return args[0]?.toUpperCase() === this.holdOn ? this.onHeld?.() : undefined;
  }

  pushed(connection: TapConnectionInfo, push: TapPush): void {
    this.pushes.push({ connection: connection.id, push });
  }

  activity(): void {}

  busy: Promise<void> | undefined;
  gate(): Promise<void> | undefined {
    return this.busy;
  }
}

let server: TestServer;
let direct: Redis;
let tap: RedisTap;
let listener: RecordingListener;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  direct = new Redis(server.url);
});
afterAll(async () => {
  direct?.disconnect();
  await server?.stop();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await tap?.close();
  await direct.flushall();
});

async function openTap(): Promise<RedisTap> {
  listener = new RecordingListener();
  tap = await RedisTap.open({ host: '127.0.0.1', port: server.port, db: 0, tls: false }, listener);
  return tap;
}

/** A raw client of the tap: writes bytes exactly as given, collects what comes back. */
async function rawClient(): Promise<{ write: (text: string) => void; received: () => string }> {
  const socket = connect(tap.spec.port, tap.spec.host);
  sockets.push(socket);
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { write: (bytes) => socket.write(bytes), received: () => text };
}

describe('RedisTap: a program connection passed through and read both ways', () => {
  it('knows every command with its outcome, the admin ones MONITOR leaves out included, on each connection', async () => {
    await openTap();
    const client = await rawClient();
    client.write(resp('SET', 'k', 'v') + resp('CONFIG', 'GET', 'maxmemory') + resp('GET') + 'SLOWLOG LEN\r\n' + resp('CLIENT', 'LIST'));
    await waitUntil(() => listener.answers.length === 5, 'five answers');
    expect(listener.answers).toEqual([
      { connection: 1, args: ['SET', 'k', 'v'], outcome: 'ok' },
      { connection: 1, args: ['CONFIG', 'GET', 'maxmemory'], outcome: 'ok' },
      { connection: 1, args: ['GET'], outcome: 'error' },
      { connection: 1, args: ['SLOWLOG', 'LEN'], outcome: 'ok' },
      { connection: 1, args: ['CLIENT', 'LIST'], outcome: 'ok' },
    ]);
    // The program sees the server's replies unchanged, and the tap's end of the connection is the addr= CLIENT LIST shows.
    // The tap knows an answer as it passes it on: the program's socket reads it a moment later.
    const [info] = tap.connectionInfo();
    await waitUntil(() => client.received().includes(`addr=${info?.serverSideAddress ?? '?'} `), 'the CLIENT LIST reply to reach the program');
    expect(client.received()).toMatch(/^\+OK\r\n\*2\r\n\$9\r\nmaxmemory\r\n/);
    const second = await rawClient();
    second.write(resp('PING'));
    await waitUntil(() => listener.answers.length === 6, 'the second connection');
    expect(listener.answers[5]).toEqual({ connection: 2, args: ['PING'], outcome: 'ok' });
    expect(tap.connectionsOpened).toBe(2);
  });

  it('holds what a connection sent after a command until the listener has acted on its answer', async () => {
    await openTap();
    listener.holdOn = 'MULTI';
    let seenWhileHeld: string | null = 'unset';
    listener.onHeld = async () => {
      // The queued SET has not reached the server yet: another client changes the watched key in the gap.
      seenWhileHeld = await direct.get('stock');
      await direct.set('stock', '0');
    };
    await direct.set('stock', '1');
    const client = await rawClient();
    // A pipeline as redis-py sends it: MULTI, the queued commands and EXEC in one write.
    client.write(resp('WATCH', 'stock') + resp('GET', 'stock') + resp('MULTI') + resp('DECR', 'stock') + resp('EXEC'));
    await waitUntil(() => client.received().endsWith('*-1\r\n'), 'EXEC to be refused');
    expect(seenWhileHeld).toBe('1');
    expect(await direct.get('stock')).toBe('0');
    expect(listener.answers.map((answer) => [answer.args[0], answer.outcome])).toEqual([
      ['WATCH', 'ok'],
      ['GET', 'ok'],
      ['MULTI', 'ok'],
      ['DECR', 'ok'],
      ['EXEC', 'ok'],
    ]);
  });

  it.each(['2', '3'])('reads subscriptions and messages as the server pushes them (RESP%s)', async (protocol) => {
    await openTap();
    const client = await rawClient();
    client.write(resp('HELLO', protocol) + resp('SUBSCRIBE', 'news', 'alerts') + resp('PSUBSCRIBE', 'logs:*'));
    await waitUntil(() => listener.pushes.length === 3, 'three confirmations');
    await direct.publish('news', 'Redis 8 released');
    await direct.publish('logs:auth', 'user 42 logged in');
    client.write(resp('UNSUBSCRIBE', 'alerts') + resp('PING'));
    await waitUntil(() => listener.answers.some((answer) => answer.args[0] === 'PING'), 'the PING answered');
    expect(listener.pushes.map(({ push }) => push)).toEqual([
      { kind: 'subscribed', family: 'channel', name: 'news', count: 1 },
      { kind: 'subscribed', family: 'channel', name: 'alerts', count: 2 },
      { kind: 'subscribed', family: 'pattern', name: 'logs:*', count: 3 },
      { kind: 'message', channel: 'news', message: 'Redis 8 released' },
      { kind: 'message', channel: 'logs:auth', pattern: 'logs:*', message: 'user 42 logged in' },
      { kind: 'unsubscribed', family: 'channel', name: 'alerts', count: 2 },
    ]);
    expect(listener.answers.map((answer) => answer.args[0])).toEqual(['HELLO', 'SUBSCRIBE', 'PSUBSCRIBE', 'UNSUBSCRIBE', 'PING']);
    const [info] = tap.connectionInfo();
    expect({ channels: [...(info?.channels ?? [])], patterns: [...(info?.patterns ?? [])] }).toEqual({ channels: ['news'], patterns: ['logs:*'] });
  });

  it('while the listener is busy (an actor acting), what any connection sends and any new connection wait for it', async () => {
    await openTap();
    const first = await rawClient();
    first.write(resp('PING'));
    await waitUntil(() => listener.answers.length === 1, 'the first PING');
    let done = () => undefined as void;
    listener.busy = new Promise<void>((resolve) => (done = resolve));
    first.write(resp('SET', 'from', 'first'));
    const second = await rawClient();
    second.write(resp('SET', 'from', 'second'));
    // Both were sent, and the tap keeps them: the server has neither while the listener is busy.
    // The tap counts a connection when it accepts it, which can come after the client's own 'connect'.
    await waitUntil(() => tap.connectionsOpened === 2, 'the second connection accepted');
    await direct.ping();
    expect(await direct.get('from')).toBeNull();
    listener.busy = undefined;
    done();
    await waitUntil(() => listener.answers.length === 3, 'both SETs');
    expect(second.received()).toBe('+OK\r\n');
  });

  it('stops pairing after MONITOR: later commands are known, their outcome is not', async () => {
    await openTap();
    const client = await rawClient();
    client.write(resp('MONITOR'));
    await waitUntil(() => client.received() === '+OK\r\n', 'MONITOR to start');
    await direct.set('seen', 'by the monitor');
    client.write(resp('PING'));
    await waitUntil(() => listener.answers.length === 2, 'the PING');
    expect(listener.answers.map((answer) => [answer.args[0], answer.outcome])).toEqual([
      ['MONITOR', 'ok'],
      ['PING', 'unpaired'],
    ]);
  });
});
