import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { acquireRedis } from '../../src/redis/acquire.js';
import { assertSafeToReset, claimIfEmpty, releaseClaim } from '../../src/redis/ownership.js';
import { startPrivateServer } from '../../src/redis/private-server.js';
import { UrlRedisTarget } from '../../src/redis/url-target.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/* A startTestServer() server stands in for a Docker or shared Redis the tutor does not own. */
let server: TestServer;
let scratch: string;
let recordFile: string;
const clients: Redis[] = [];

function client(db: number, port = server.port, password?: string): Redis {
  const redis = new Redis({ port, host: '127.0.0.1', db, lazyConnect: false, ...(password !== undefined ? { password } : {}) });
  clients.push(redis);
  return redis;
}

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});
afterEach(async () => {
  for (const redis of clients.splice(0)) redis.disconnect();
  await client(0).flushall();
  clients.splice(0).forEach((redis) => redis.disconnect());
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});
function freshRecord(): string {
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-ownership-'));
  recordFile = join(scratch, 'nested', 'claimed-databases.json');
  return recordFile;
}

describe('assertSafeToReset on a server the tutor does not own', () => {
  it('claims an empty database at acquisition, without putting anything in it, and may reset it after the learner filled it', async () => {
    const ownershipFile = freshRecord();
    const target = await acquireRedis({ url: `${server.url}/2`, ownershipFile });
    expect(target.kind).toBe('url');
    expect(await client(2).dbsize()).toBe(0); // the claim lives in a file, not in the database
    await client(2).set('learner:key', 'v');
    await expect(assertSafeToReset(target, { recordFile })).resolves.toBeUndefined();

    // A later session (new target, same machine) knows the database is the tutor's once the first one let go of it, noting what it left.
    await releaseClaim(target, { recordFile });
    const later = await acquireRedis({ url: `${server.url}/2`, ownershipFile });
    await expect(assertSafeToReset(later, { recordFile })).resolves.toBeUndefined();
  });

  it('refuses a database that held keys before the tutor came, says why, and names --force and /N', async () => {
    freshRecord();
    await client(4).mset('customer:1', 'alice', 'customer:2', 'bob');
    const target = await acquireRedis({ url: `${server.url}/4`, ownershipFile: recordFile });
    const attempt = assertSafeToReset(target, { recordFile });
    await expect(attempt).rejects.toThrow(UserError);
    const error = (await attempt.catch((e: unknown) => e)) as UserError;
    expect(error.message).toBe(
      `database 4 on 127.0.0.1:${server.port} holds 2 keys that redis-tutor did not create, so it stopped before resetting it: a reset (FLUSHDB) would delete them.`,
    );
    expect(error.nextStep).toContain('--force');
    expect(error.nextStep).toContain(`--url redis://127.0.0.1:${server.port}/5`);
    expect(await client(4).dbsize()).toBe(2);
  });

  it('--force goes ahead and claims the database for next time', async () => {
    freshRecord();
    await client(5).set('foreign', '1');
    const target = new UrlRedisTarget({ host: '127.0.0.1', port: server.port, db: 5, tls: false }, '7');
    await expect(assertSafeToReset(target, { recordFile, force: true })).resolves.toBeUndefined();
    await expect(assertSafeToReset(target, { recordFile })).resolves.toBeUndefined();
  });

  it('a claim is for one database only', async () => {
    freshRecord();
    const db6 = new UrlRedisTarget({ host: '127.0.0.1', port: server.port, db: 6, tls: false }, '7');
    const db7 = new UrlRedisTarget({ host: '127.0.0.1', port: server.port, db: 7, tls: false }, '7');
    expect(await claimIfEmpty(db6, { recordFile })).toBe(true);
    await client(7).set('foreign', '1');
    expect(await claimIfEmpty(db7, { recordFile })).toBe(false);
    await expect(assertSafeToReset(db7, { recordFile })).rejects.toThrow(UserError);
  });

  it('a claim ends when the server restarts (new run_id): restored keys are not assumed to be ours', async () => {
    freshRecord();
    // Two server processes one after the other on the same port, as after a restart of a Docker container (same password).
    const password = 'same-after-restart';
    const first = await startPrivateServer({ handleSignals: false, extraConfig: [`requirepass ${password}`] });
    const port = first.spec.port;
    const spec = { host: '127.0.0.1', port, db: 0, tls: false, password };
    try {
      expect(await claimIfEmpty(new UrlRedisTarget(spec, '7'), { recordFile })).toBe(true);
    } finally {
      await first.release();
    }
    const restarted = await startPrivateServer({ handleSignals: false, extraConfig: [`requirepass ${password}`], choosePort: () => Promise.resolve(port) });
    try {
      expect(restarted.spec.port).toBe(port);
      await client(0, port, password).set('restored', '1');
      await expect(assertSafeToReset(new UrlRedisTarget(spec, '7'), { recordFile })).rejects.toThrow(UserError);
    } finally {
      await restarted.release();
    }
  });

  it('a server the tutor started is always its own', async () => {
    const target = await startPrivateServer({ handleSignals: false });
    try {
      await client(0, target.spec.port, target.spec.password).set('k', 'v');
      await expect(assertSafeToReset(target, { recordFile: freshRecord() })).resolves.toBeUndefined();
    } finally {
      await target.release();
    }
  });
});
