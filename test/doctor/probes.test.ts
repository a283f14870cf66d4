import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeRedisCli, probeRedisServer } from '../../src/doctor/probes/binary-probes.js';
import { probeDocker } from '../../src/doctor/probes/docker-probe.js';
import { probeProgress } from '../../src/doctor/probes/progress-probe.js';
import { probeUrl } from '../../src/doctor/probes/url-probe.js';
import { claimIfEmpty, releaseClaim } from '../../src/redis/ownership.js';
import { UrlRedisTarget } from '../../src/redis/url-target.js';
import { isAlive } from '../redis/support/processes.js';
import { stringMatching } from '../support/matchers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-doctor-probes-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A fake executable in its own folder, to put on PATH. */
function fakeBinary(name: string, script: string): string {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  writeFileSync(join(dir, name), `#!/bin/sh\n${script}\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('probeUrl: reads, never writes', () => {
  let server: TestServer;
  let redis: Redis;
  let recordFile: string;
  beforeAll(async () => {
    server = await startTestServer();
    // Set after start: startTestServer() waits for a PONG, which a password-protected server does not give.
    const setup = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: false });
    await setup.config('SET', 'requirepass', 's3cret');
    setup.disconnect();
    redis = new Redis({ host: '127.0.0.1', port: server.port, password: 's3cret', lazyConnect: false });
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });
  beforeEach(async () => {
    await redis.flushall();
    recordFile = join(mkdtempSync(join(scratch, 'claims-')), 'claimed-databases.json');
  });
  const url = (db = 0) => `redis://:s3cret@127.0.0.1:${server.port}/${db}`;

  it('an empty database: may be reset, and no claim is recorded', async () => {
    const fact = await probeUrl(url(2), { ownershipFile: recordFile });
    expect(fact).toMatchObject({ state: 'reachable', where: `127.0.0.1:${server.port}/2`, db: 2, keys: 0, mayReset: true });
    expect(existsSync(recordFile)).toBe(false);
  });

  it('keys a finished tutor session left in its database: may be reset, and the record is untouched', async () => {
    const target = new UrlRedisTarget({ host: '127.0.0.1', port: server.port, password: 's3cret', db: 1, tls: false }, '7');
    expect(await claimIfEmpty(target, { recordFile })).toBe(true);
    await redis.select(1);
    await redis.set('made:by:learner', '1');
    await redis.select(0);
    await releaseClaim(target, { recordFile });
    const before = readFileSync(recordFile, 'utf8');
    expect(await probeUrl(url(1), { ownershipFile: recordFile })).toMatchObject({ state: 'reachable', keys: 1, mayReset: true });
    expect(readFileSync(recordFile, 'utf8')).toBe(before);
  });

  it('foreign keys: may not be reset, and they stay', async () => {
    await redis.mset('customer:1', 'alice', 'customer:2', 'bob');
    expect(await probeUrl(url(0), { ownershipFile: recordFile })).toMatchObject({ state: 'reachable', keys: 2, mayReset: false });
    expect(await redis.mget('customer:1', 'customer:2')).toEqual(['alice', 'bob']);
    expect(existsSync(recordFile)).toBe(false);
  });

  it('never shows the password', async () => {
    const fact = await probeUrl(url(0), { ownershipFile: recordFile });
    expect(JSON.stringify(fact)).not.toContain('s3cret');
  });

  it('a missing password: the connection error and its next step', async () => {
    const fact = await probeUrl(`redis://127.0.0.1:${server.port}`, { ownershipFile: recordFile });
    expect(fact).toMatchObject({ state: 'unreachable', message: `Redis at 127.0.0.1:${server.port} needs a password.` });
    expect(fact.state === 'unreachable' && fact.nextStep).toMatch(/--url redis:\/\/:PASSWORD@host:port/);
  });

  it('nothing given', async () => {
    expect(await probeUrl(undefined)).toEqual({ state: 'not-given' });
  });
});

describe.skipIf(process.platform === 'win32')('probeDocker', () => {
  it('no docker on PATH', async () => {
    expect(await probeDocker({ PATH: join(scratch, 'empty') })).toEqual({ state: 'missing' });
  });

  it('a CLI whose engine does not answer in time: given up at the timeout, and stopped', async () => {
    // exec: the timeout's SIGTERM then reaches sleep itself. It sleeps longer than the test may
    // run, so a probe that waited for it to finish would fail the test.
    const pidFile = join(scratch, 'docker-pid');
    const dir = fakeBinary('docker', `echo $$ > ${pidFile}\nexec sleep 600`);
    expect(await probeDocker({ PATH: `${dir}:${process.env.PATH}` }, 300)).toEqual({ state: 'no-engine', path: join(dir, 'docker'), reason: 'no answer within 300 ms' });
    // No pid written: the timeout stopped the script before it got that far.
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
    if (pid > 0) await waitUntil(() => !isAlive(pid), 'the docker stand-in to be stopped');
  });

  it('a CLI that cannot reach its engine', async () => {
    const dir = fakeBinary('docker', 'echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock." >&2; exit 1');
    expect(await probeDocker({ PATH: dir })).toMatchObject({ state: 'no-engine', reason: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock.' });
  });

  it('an engine that answers', async () => {
    const dir = fakeBinary('docker', 'echo 27.1.1');
    expect(await probeDocker({ PATH: dir })).toEqual({ state: 'answering', path: join(dir, 'docker'), serverVersion: '27.1.1' });
  });
});

describe.skipIf(process.platform === 'win32')('probeRedisServer and probeRedisCli', () => {
  const cwd = process.cwd();
  it('the real one on PATH', async () => {
    expect(await probeRedisServer({ env: { PATH: process.env.PATH }, cwd })).toMatchObject({ state: 'found', source: 'path', version: stringMatching(/^\d+\.\d+\.\d+$/) });
    expect(await probeRedisCli({ PATH: process.env.PATH })).toMatchObject({ state: 'found', version: stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it.each<[string, { explicitPath?: string; env: NodeJS.ProcessEnv }, object]>([
    ['nothing on PATH', { env: { PATH: '/nonexistent-bin' } }, { state: 'missing' }],
    ['--redis-server not executable', { explicitPath: '/nonexistent', env: {} }, { state: 'bad-choice', origin: '--redis-server', given: '/nonexistent' }],
    ['REDIS_SERVER_BIN not executable', { env: { REDIS_SERVER_BIN: '/nope' } }, { state: 'bad-choice', origin: 'REDIS_SERVER_BIN', given: '/nope' }],
  ])('%s', async (_, request, expected) => {
    expect(await probeRedisServer({ ...request, cwd })).toEqual(expected);
  });

  it('a binary that is not redis-server', async () => {
    const dir = fakeBinary('redis-server', 'echo hello');
    expect(await probeRedisServer({ env: { PATH: dir }, cwd })).toMatchObject({ state: 'unrunnable', source: 'path', reason: stringMatching(/printed no version/) });
  });

  it('no redis-cli', async () => {
    expect(await probeRedisCli({ PATH: '/nonexistent-bin' })).toEqual({ state: 'missing' });
  });
});

describe('probeProgress', () => {
  it('a REDIS_TUTOR_HOME that does not exist yet: created on first save, from its nearest existing parent', () => {
    const home = join(scratch, 'home-absent', 'nested');
    expect(probeProgress({ REDIS_TUTOR_HOME: home })).toEqual({
      state: 'absent',
      file: join(home, 'progress.json'),
      fromEnv: true,
      creatableIn: scratch,
      writable: true,
    });
    expect(existsSync(home)).toBe(false);
  });

  it('an existing progress file', () => {
    const home = join(scratch, 'home-present');
    mkdirSync(home);
    writeFileSync(join(home, 'progress.json'), '{"formatVersion":1,"exercises":{}}');
    expect(probeProgress({ REDIS_TUTOR_HOME: home })).toEqual({ state: 'exists', file: join(home, 'progress.json'), fromEnv: true, readable: true, writable: true });
  });
});
