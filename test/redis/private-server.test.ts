import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EnvironmentError, UserError } from '../../src/errors.js';
import { openChecker } from '../../src/redis/checker.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../src/redis/private-server.js';
import { stringMatching } from '../support/matchers.js';
import { freePort } from '../support/test-server.js';
import { isAlive, pidsMentioning, waitUntil } from './support/processes.js';

const started: PrivateRedisTarget[] = [];
const connections: Redis[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-private-test-'));

async function start(options: Parameters<typeof startPrivateServer>[0] = {}): Promise<PrivateRedisTarget> {
  const target = await startPrivateServer({ handleSignals: false, ...options });
  started.push(target);
  return target;
}

async function checker(target: PrivateRedisTarget): Promise<Redis> {
  const redis = await openChecker(target);
  connections.push(redis);
  return redis;
}

afterEach(async () => {
  for (const redis of connections.splice(0)) redis.disconnect();
  await Promise.all(started.splice(0).map((target) => target.release()));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('startPrivateServer', () => {
  it('starts a redis-server on loopback that answers, and says what it is', async () => {
    const target = await start();
    expect(target.kind).toBe('private');
    expect(target.owned).toBe(true);
    expect(target.spec).toEqual({ host: '127.0.0.1', port: target.spec.port, db: 0, tls: false, password: stringMatching(/^[0-9a-f]{32}$/) });
    expect(target.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(target.describe()).toBe(`private redis-server ${target.version} on 127.0.0.1:${target.spec.port}`);
    const redis = await checker(target);
    expect(await redis.ping()).toBe('PONG');
    const info = await redis.info('server');
    expect(info).toContain(`redis_version:${target.version}`);
    expect(info).toContain(`process_id:${target.pid}`);
  });

  it('names the checker connection', async () => {
    const redis = await checker(await start());
    expect(await redis.client('GETNAME')).toBe('redis-tutor:checker');
  });

  it('runs with the safe configuration', async () => {
    const target = await start();
    const redis = await checker(target);
    const config = async (name: string) => ((await redis.config('GET', name)) as string[])[1];
    expect(await config('bind')).toBe('127.0.0.1');
    expect(await config('protected-mode')).toBe('yes');
    expect(await config('save')).toBe('');
    expect(await config('appendonly')).toBe('no');
    expect(await config('maxmemory')).toBe(String(256 * 1024 * 1024));
    expect(await config('maxmemory-policy')).toBe('noeviction');
    expect(await config('dir')).toBe(target.dir);
    await expect(redis.call('DEBUG', 'SLEEP', '0')).rejects.toThrow(/DEBUG command not allowed|unknown command/i);
    await expect(redis.call('MODULE', 'LOAD', '/nonexistent.so')).rejects.toThrow(/MODULE command not allowed|unknown command/i);
  });

  it('refuses CONFIG SET dir and dbfilename (protected configs)', async () => {
    const redis = await checker(await start());
    await expect(redis.config('SET', 'dir', '/tmp')).rejects.toThrow(/protected config/i);
    await expect(redis.config('SET', 'dbfilename', 'x.rdb')).rejects.toThrow(/protected config/i);
  });

  it('applies extra config lines after its defaults', async () => {
    const redis = await checker(await start({ extraConfig: ['maxmemory 64mb', 'notify-keyspace-events KEA'] }));
    expect(await redis.config('GET', 'maxmemory')).toEqual(['maxmemory', String(64 * 1024 * 1024)]);
    expect(await redis.config('GET', 'notify-keyspace-events')).toEqual(['notify-keyspace-events', 'AKE']);
  });

  it('release() stops the server, removes its directory and the guard, and is idempotent', async () => {
    const target = await start();
    const { pid, dir } = target;
    expect(existsSync(dir)).toBe(true);
    await Promise.all([target.release(), target.release()]);
    await target.release();
    expect(isAlive(pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(target.isRunning()).toBe(false);
  });

  it('starts several servers in parallel on different ports', async () => {
    const targets = await Promise.all([start(), start(), start(), start()]);
    expect(new Set(targets.map((t) => t.spec.port)).size).toBe(4);
    expect(new Set(targets.map((t) => t.dir)).size).toBe(4);
    for (const target of targets) expect(await (await checker(target)).ping()).toBe('PONG');
  });

  it('tries another port when the one it picked was taken in the meantime, without waiting out the squatter', async () => {
    // A squatter that accepts and never answers PING, like a busy unrelated service. It trickles a
    // byte now and then, so a ping attempt on it never times out (the socket is never idle): start()
    // returns only because it gives the attempt up when its own redis-server exits on the taken port.
    const held = new Set<Socket>();
    const squatter: Server = createServer((socket) => {
      held.add(socket);
      const trickle = setInterval(() => socket.write(' '), 100);
      socket.on('error', () => undefined);
      socket.once('close', () => {
        clearInterval(trickle);
        held.delete(socket);
      });
    });
    const takenPort = await freePort();
    await new Promise<void>((resolve) => squatter.listen(takenPort, '127.0.0.1', resolve));
    try {
      const ports = [takenPort];
      const target = await start({ choosePort: async () => ports.shift() ?? freePort() });
      expect(target.spec.port).not.toBe(takenPort);
      expect(await (await checker(target)).ping()).toBe('PONG');
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('chooses the port-bound config (a cluster bus port) again when it was taken, and keeps it across a restart', async () => {
    const squatter: Server = createServer((socket) => socket.destroy());
    const takenBusPort = await freePort();
    await new Promise<void>((resolve) => squatter.listen(takenBusPort, '127.0.0.1', resolve));
    try {
      const busPorts = [takenBusPort];
      const target = await start({
        extraConfig: ['cluster-enabled yes', 'cluster-config-file nodes.conf'],
        portConfig: async () => [`cluster-port ${busPorts.shift() ?? (await freePort())}`],
      });
      const redis = await checker(target);
      const [, busPort] = (await redis.call('CONFIG', 'GET', 'cluster-port')) as [string, string];
      // The second choice, not the default (0: port + 10000) and not the taken one.
      expect(Number(busPort)).toBeGreaterThan(0);
      expect(Number(busPort)).not.toBe(takenBusPort);
      expect(busPorts).toEqual([]);
      await target.restart({ keepData: true });
      expect(await waitUntil(() => redis.status === 'ready', 15_000)).toBe(true);
      expect(await redis.call('CONFIG', 'GET', 'cluster-port')).toEqual(['cluster-port', busPort]);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('restart() gives a fresh, empty server on the same port and the checker reconnects', async () => {
    const target = await start();
    const redis = await checker(target);
    await redis.set('k', 'v');
    const { pid: oldPid, dir: oldDir, spec } = target;
    const port = spec.port;
    await target.restart();
    expect(target.spec.port).toBe(port);
    expect(target.pid).not.toBe(oldPid);
    expect(isAlive(oldPid)).toBe(false);
    expect(existsSync(oldDir)).toBe(false);
    expect(existsSync(target.dir)).toBe(true);
    expect(await waitUntil(() => redis.status === 'ready', 15_000)).toBe(true);
    expect(await redis.exists('k')).toBe(0);
  });

  it('restart({ keepData: true }) is a crash and a restart in the same dir: a SAVEd key is back, a later one is lost', async () => {
    const target = await start();
    const redis = await checker(target);
    // With a save rule, a clean shutdown would save "unsaved" too: only a crash loses it.
    await redis.config('SET', 'save', '3600 1');
    await redis.set('saved', 'yes');
    await redis.save();
    await redis.set('unsaved', 'no');
    expect(target.hasPersistenceFiles()).toBe(true);
    const { pid: oldPid, dir } = target;
    const port = target.spec.port;
    const exits: unknown[] = [];
    target.onUnexpectedExit((exit) => exits.push(exit));

    await target.restart({ keepData: true });
    expect(target.pid).not.toBe(oldPid);
    expect(isAlive(oldPid)).toBe(false);
    expect(target.dir).toBe(dir);
    expect(target.spec.port).toBe(port);
    expect(exits).toEqual([]);
    expect(await waitUntil(() => redis.status === 'ready', 15_000)).toBe(true);
    expect(await redis.get('saved')).toBe('yes');
    expect(await redis.exists('unsaved')).toBe(0);
    expect(await redis.info('persistence')).toMatch(/^rdb_last_load_keys_loaded:1\r?$/m);
    // The directory is guarded by the new server's guard alone.
    expect(pidsMentioning(`redis-tutor-guard ${target.pid} ${dir}`)).toHaveLength(1);
    expect(pidsMentioning(`redis-tutor-guard ${oldPid} ${dir}`)).toEqual([]);

    await target.release();
    expect(isAlive(target.pid)).toBe(false);
    expect(existsSync(dir)).toBe(false);
    expect(pidsMentioning(`redis-tutor-guard ${target.pid} ${dir}`)).toEqual([]);
  });

  it('restart() after a restart that kept the data gives an empty server in a new dir', async () => {
    const target = await start();
    const redis = await checker(target);
    await redis.set('k', 'v');
    await redis.save();
    await target.restart({ keepData: true });
    const kept = target.dir;
    expect(await waitUntil(() => redis.status === 'ready', 15_000)).toBe(true);
    expect(await redis.exists('k')).toBe(1);
    await target.restart();
    expect(target.dir).not.toBe(kept);
    expect(existsSync(kept)).toBe(false);
    expect(target.hasPersistenceFiles()).toBe(false);
    expect(await waitUntil(() => redis.status === 'ready', 15_000)).toBe(true);
    expect(await redis.exists('k')).toBe(0);
  });

  it('a restart with the data that cannot start keeps the directory (and its files) until release()', async () => {
    const target = await start();
    const { dir } = target;
    writeFileSync(join(dir, 'dump.rdb'), 'not an RDB file');
    await expect(target.restart({ keepData: true })).rejects.toThrow(/exited while starting/);
    expect(target.isRunning()).toBe(false);
    expect(existsSync(join(dir, 'dump.rdb'))).toBe(true);
    await target.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('reports an exit it did not ask for, and restart() brings the server back', async () => {
    const target = await start();
    const exits: unknown[] = [];
    target.onUnexpectedExit((exit) => exits.push(exit));
    process.kill(target.pid, 'SIGKILL');
    expect(await waitUntil(() => exits.length === 1, 15_000)).toBe(true);
    expect(target.isRunning()).toBe(false);
    await target.restart();
    expect(target.isRunning()).toBe(true);
    expect(await (await checker(target)).ping()).toBe('PONG');
    expect(exits).toHaveLength(1);
  });

  it('refuses an explicit binary that does not exist, as the person’s mistake', async () => {
    await expect(start({ redisServerBin: join(scratch, 'no-such-redis-server') })).rejects.toThrow(UserError);
    await expect(start({ env: { ...process.env, REDIS_SERVER_BIN: join(scratch, 'nope') } })).rejects.toThrow(/REDIS_SERVER_BIN points at/);
  });

  it('refuses a redis-server older than 6.2 before starting it', async () => {
    // Only --version is answered: the refusal must come before anything is started.
    const old = join(scratch, 'old-redis-server');
    writeFileSync(old, '#!/bin/sh\necho "Redis server v=6.0.16 sha=00000000:0 malloc=jemalloc-5.2.1 bits=64 build=1"\n');
    chmodSync(old, 0o755);
    const attempt = start({ redisServerBin: old });
    await expect(attempt).rejects.toThrow(EnvironmentError);
    await expect(attempt).rejects.toThrow(`redis-server at ${old} is Redis 6.0.16, and redis-tutor needs Redis 6.2 or newer.`);
  });

  it('explains a binary that is not redis-server', async () => {
    const fake = join(scratch, 'not-redis');
    writeFileSync(fake, '#!/bin/sh\necho "hello"\n');
    chmodSync(fake, 0o755);
    await expect(start({ redisServerBin: fake })).rejects.toThrow(/printed no version/);
  });

  it('explains a server that exits while starting, with its own words', async () => {
    await expect(start({ extraConfig: ['no-such-directive yes'] })).rejects.toThrow(/exited while starting[\s\S]*no-such-directive/);
  });
});
