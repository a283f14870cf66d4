import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSnapshots, touchedKeys } from '../../src/data-panel/fetch-snapshots.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestServer();
  redis = new Redis(server.port, '127.0.0.1');
  await redis.set('s', 'hello', 'EX', 100);
  await redis.rpush('l', 'a', 'b', 'c');
  await redis.sadd('set', 'item:10', 'item:2');
  await redis.hset('h', 'name', 'Ada', 'age', '36');
  await redis.zadd('z', 40, 'ann', 10, 'bob');
  await redis.xadd('x', '1-0', 'temp', '21');
  await redis.xadd('x', '2-0', 'temp', '22');
  // A big list: only the limit is ever read.
  const items = Array.from({ length: 100_000 }, (_, i) => String(i));
  await redis.rpush('big', ...items);
});

afterAll(async () => {
  redis.disconnect();
  await server.stop();
});

describe('fetchSnapshots', () => {
  it('reads every type in two round trips, bounded', async () => {
    const snapshots = await fetchSnapshots(redis, ['s', 'l', 'set', 'h', 'z', 'x', 'missing', 'big'], { items: 5, stringBytes: 64, streamEntries: 4 });
    const byKey = Object.fromEntries(snapshots.map((snapshot) => [snapshot.key, snapshot]));
    expect(byKey.s).toMatchObject({ type: 'string', value: 'hello', length: 5 });
    expect(byKey.s?.pttl).toBeGreaterThan(90_000);
    expect(byKey.l).toMatchObject({ type: 'list', items: ['a', 'b', 'c'], length: 3, pttl: -1 });
    expect(byKey.set).toMatchObject({ type: 'set', members: ['item:2', 'item:10'], size: 2 });
    expect(byKey.h).toMatchObject({ type: 'hash', fields: [['age', '36'], ['name', 'Ada']], size: 2 });
    expect(byKey.z).toMatchObject({ type: 'zset', entries: [['bob', 10], ['ann', 40]], size: 2 });
    expect(byKey.x).toMatchObject({ type: 'stream', length: 2, entries: [{ id: '1-0', fields: [['temp', '21']] }, { id: '2-0', fields: [['temp', '22']] }] });
    expect(byKey.missing).toMatchObject({ type: 'none', pttl: -2 });
    expect(byKey.big).toMatchObject({ type: 'list', items: ['0', '1', '2', '3', '4'], length: 100_000 });
  });

  it('finds the keys of learner commands as the server sees them', async () => {
    expect(await touchedKeys(redis, [['SET', 'a', '1'], ['PING'], ['MSET', 'b', '1', 'c', '2'], ['ZUNIONSTORE', 'dst', '2', 'z1', 'z2']])).toEqual([
      'a',
      'b',
      'c',
      'dst',
      'z1',
      'z2',
    ]);
  });
});
