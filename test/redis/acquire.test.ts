import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnvironmentError, UserError } from '../../src/errors.js';
import { acquireRedis, startPrivateServer, type AcquiredRedis, type PrivateRedisTarget } from '../../src/redis/acquire.js';
import { openChecker } from '../../src/redis/checker.js';
import { findOnPath } from '../../src/redis/find-redis-server.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { compileForChild, type CompiledTree } from './support/compile-for-child.js';
import { createFakeDocker, type FakeDocker } from './support/fake-docker.js';
import { spawnHolder } from './support/holder.js';
import { isAlive, waitUntil } from './support/processes.js';

let scratch: string;
let ownershipFile: string;
const acquired: AcquiredRedis[] = [];
const fakes: FakeDocker[] = [];

async function acquire(options: Parameters<typeof acquireRedis>[0]): Promise<AcquiredRedis> {
  const target = await acquireRedis({ handleSignals: false, ownershipFile, ...options });
  acquired.push(target);
  return target;
}

/** A PATH with nothing on it but what the test puts there (and no redis-server). */
function emptyBinDir(name: string): string {
  return mkdtempSync(join(scratch, name));
}

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-acquire-'));
  ownershipFile = join(scratch, 'claims.json');
});
afterEach(async () => {
  await Promise.all(acquired.splice(0).map((target) => target.release()));
  for (const fake of fakes.splice(0)) fake.cleanUp();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('acquireRedis: 1. --url / REDIS_URL', () => {
  let server: TestServer;
  // startTestServer() cannot wait for a server with a password; a private one stands in (used through --url only).
  let protectedServer: PrivateRedisTarget;
  beforeAll(async () => {
    [server, protectedServer] = await Promise.all([
      startTestServer(),
      startPrivateServer({ handleSignals: false, extraConfig: ['requirepass s3cret'] }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([server.stop(), protectedServer.release()]);
  });

  it('uses the server at --url, reports it, and never stops it', async () => {
    const target = await acquire({ url: `${server.url}/3` });
    expect(target.kind).toBe('url');
    expect(target.owned).toBe(false);
    expect(target.spec).toEqual({ host: '127.0.0.1', port: server.port, db: 3, tls: false });
    expect(target.describe()).toBe(`Redis ${target.version} at redis://127.0.0.1:${server.port}/3 (from --url)`);
    const checker = await openChecker(target);
    expect(await checker.client('INFO')).toMatch(/ name=redis-tutor:checker .*db=3 /);
    checker.disconnect();
    await target.release();
    expect(server.process.exitCode).toBeNull();
  });

  it('reads REDIS_URL when there is no --url, before looking for redis-server', async () => {
    const target = await acquire({ env: { ...process.env, REDIS_URL: server.url } });
    expect(target.kind).toBe('url');
    expect(target.spec.port).toBe(server.port);
  });

  it('passes user and password', async () => {
    const target = await acquire({ url: `redis://default:s3cret@127.0.0.1:${protectedServer.spec.port}` });
    const checker = await openChecker(target);
    expect(await checker.ping()).toBe('PONG');
    checker.disconnect();
  });

  it.each([
    ['a wrong password', (port: number) => `redis://:wrong@127.0.0.1:${port}`, UserError, /refused the user and password/],
    ['no password', (port: number) => `redis://127.0.0.1:${port}`, UserError, /needs a password/],
  ])('explains %s', async (_, url, kind, message) => {
    const attempt = acquire({ url: url(protectedServer.spec.port) });
    await expect(attempt).rejects.toThrow(kind);
    await expect(attempt).rejects.toThrow(message);
  });

  it('explains a database that does not exist', async () => {
    await expect(acquire({ url: `${server.url}/99` })).rejects.toThrow(/has no database 99/);
  });

  it('explains a server that does not answer, as an environment problem', async () => {
    const closed = `redis://127.0.0.1:${server.port === 1 ? 2 : 1}`;
    const attempt = acquire({ url: closed });
    await expect(attempt).rejects.toThrow(EnvironmentError);
    await expect(attempt).rejects.toThrow(/could not connect to Redis at 127\.0\.0\.1:1 .*ECONNREFUSED/);
  });

  it('refuses a malformed URL before connecting', async () => {
    await expect(acquire({ url: 'localhost:6379' })).rejects.toThrow(UserError);
  });
});

describe('acquireRedis: 2. a private redis-server', () => {
  it('starts one from PATH when there is no URL', async () => {
    const target = await acquire({ env: { ...process.env, REDIS_URL: '' } });
    expect(target.kind).toBe('private');
    expect(target.describe()).toMatch(/^private redis-server \d+\.\d+\.\d+ on 127\.0\.0\.1:\d+$/);
  });

  it('prefers --redis-server, then REDIS_SERVER_BIN, over PATH', async () => {
    const real = findOnPath('redis-server', process.env)!;
    const noPath = { PATH: emptyBinDir('nothing-') };
    const viaOption = await acquire({ redisServerBin: real, env: noPath, docker: false });
    expect(viaOption.kind === 'private' && viaOption.binary).toBe(real);
    const viaEnv = await acquire({ env: { ...noPath, REDIS_SERVER_BIN: real }, docker: false });
    expect(viaEnv.kind === 'private' && viaEnv.binary).toBe(real);
  });
});

describe('acquireRedis: 3. Docker, and 4. nothing', () => {
  // How long this takes (the Docker probe's time limit at most) is a figure of `npm run bench`.
  it('with no redis-server and no Docker engine answering, fails and names the three ways', async () => {
    const bin = emptyBinDir('no-engine-');
    const realDocker = findOnPath('docker', process.env);
    // This machine has a docker client and no engine: exactly the case to fall through.
    if (realDocker) symlinkSync(realDocker, join(bin, 'docker'));
    const attempt = acquire({ env: { PATH: bin } });
    await expect(attempt).rejects.toThrow(EnvironmentError);
    const error = (await attempt.catch((e: unknown) => e)) as EnvironmentError;
    expect(error.message).toContain('no Docker engine answered');
    expect(error.nextStep).toContain('sudo apt-get install -y redis-server');
    expect(error.nextStep).toContain('brew install redis');
    expect(error.nextStep).toContain('docker compose');
    expect(error.nextStep).toContain('--url redis://localhost:6379');
    expect(error.nextStep).toContain('REDIS_URL');
  });

  it('with a fake engine that does not answer, does not try to run anything', async () => {
    const fake = createFakeDocker(join(scratch, 'silent'), { engineAnswers: false });
    fakes.push(fake);
    await expect(acquire({ env: { PATH: fake.binDir } })).rejects.toThrow(EnvironmentError);
    expect(fake.calls().map((call) => call[0])).toEqual(['version']);
  });

  it('docker: false skips Docker entirely', async () => {
    const fake = createFakeDocker(join(scratch, 'skipped'), { engineAnswers: true });
    fakes.push(fake);
    await expect(acquire({ env: { PATH: fake.binDir }, docker: false })).rejects.toThrow(/Docker fallback is off/);
    expect(fake.calls()).toEqual([]);
  });

  it('runs a throwaway redis:7 on a loopback port when an engine answers, and removes it on release', async () => {
    const fake = createFakeDocker(join(scratch, 'engine'), { engineAnswers: true });
    fakes.push(fake);
    const target = await acquire({ env: { PATH: fake.binDir }, extraConfig: ['maxmemory 32mb'] });
    if (target.kind !== 'docker') throw new Error(`expected docker, got ${target.kind}`);
    expect(target.owned).toBe(true);
    expect(target.describe()).toBe(`docker redis:7 (Redis ${target.version}) container ${target.containerName} on 127.0.0.1:${target.spec.port}`);

    const run = fake.calls().find((call) => call[0] === 'run')!;
    expect(run).toEqual(expect.arrayContaining(['-d', '--rm', '--name', target.containerName, '-p', `127.0.0.1:${target.spec.port}:6379`, 'redis:7']));
    expect(run.slice(run.indexOf('redis:7') + 1, run.indexOf('redis:7') + 2)).toEqual(['redis-server']);

    const checker = await openChecker(target);
    expect(await checker.config('GET', 'maxmemory')).toEqual(['maxmemory', String(32 * 1024 * 1024)]);
    await expect(checker.config('SET', 'dir', '/tmp')).rejects.toThrow(/protected config/i);
    checker.disconnect();

    const [containerPid] = fake.runningContainerPids();
    await target.release();
    expect(fake.calls().at(-1)).toEqual(['rm', '-f', target.containerName]);
    expect(containerPid !== undefined && isAlive(containerPid)).toBe(false);
  });

  it('prefers Docker over a redis-server on PATH that is too old, and refuses the old one when there is no Docker', async () => {
    const fake = createFakeDocker(join(scratch, 'old-and-docker'), { engineAnswers: true });
    fakes.push(fake);
    const old = join(fake.binDir, 'redis-server');
    writeFileSync(old, '#!/bin/sh\necho "Redis server v=6.0.16 sha=00000000:0 malloc=libc bits=64 build=1"\n');
    chmodSync(old, 0o755);
    const target = await acquire({ env: { PATH: fake.binDir } });
    expect(target.kind).toBe('docker');
    await expect(acquire({ env: { PATH: fake.binDir }, docker: false })).rejects.toThrow(/is Redis 6\.0\.16, and redis-tutor needs Redis 6\.2 or newer/);
    // Chosen explicitly, an old binary is refused even when Docker could help.
    await expect(acquire({ env: { PATH: fake.binDir }, redisServerBin: old })).rejects.toThrow(/6\.0\.16/);
  });

  describe('when the tutor is killed', () => {
    let tree: CompiledTree;
    beforeAll(() => {
      tree = compileForChild();
    });
    afterAll(() => tree.remove());

    it('kill -9: the exit guard removes the container', async () => {
      const fake = createFakeDocker(join(scratch, 'killed'), { engineAnswers: true });
      fakes.push(fake);
      const holder = await spawnHolder(tree.pathOf('test/redis/fixtures/hold-redis.ts'), ['acquire', 'yes'], { PATH: fake.binDir });
      expect(holder.held.kind).toBe('docker');
      const [containerPid] = fake.runningContainerPids();
      expect(containerPid !== undefined && isAlive(containerPid)).toBe(true);
      holder.child.kill('SIGKILL');
      await holder.ended;
      expect(await waitUntil(() => fake.calls().some((call) => call[0] === 'rm' && call[2] === holder.held.container), 15_000)).toBe(true);
      expect(await waitUntil(() => containerPid !== undefined && !isAlive(containerPid), 15_000)).toBe(true);
    });
  });
});
