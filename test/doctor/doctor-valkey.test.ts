import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { freePort } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * A real Valkey 8, from the compatibility matrix's cache (scripts/matrix/servers.sh
 * puts it there; REDIS_TUTOR_VALKEY_SERVER names another). Valkey answers
 * INFO with redis_version 7.2.4 for its clients, and its own version in valkey_version.
 */
const VALKEY = process.env.REDIS_TUTOR_VALKEY_SERVER ?? join(homedir(), '.cache', 'redis-tutor-matrix', 'valkey-8', 'usr', 'bin', 'valkey-server');
const course = fileURLToPath(new URL('../fixtures/course-basic/', import.meta.url));

describe.skipIf(!existsSync(VALKEY))('redis-tutor doctor names a Valkey server as Valkey, with its own version', () => {
  let valkey: ChildProcess;
  let port: number;
  let dir: string;
  let version: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-tutor-valkey-'));
    port = await freePort();
    valkey = spawn(VALKEY, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    version = await waitUntil(async () => {
      if (valkey.exitCode !== null) throw new Error(`valkey-server exited with ${valkey.exitCode}`);
      try {
        if (redis.status !== 'ready') await redis.connect();
        return /^valkey_version:(.*)$/m.exec(await redis.info('server'))?.[1]?.trim();
      } catch {
        redis.disconnect();
        return undefined;
      }
    }, 'valkey-server to answer INFO');
    redis.disconnect();
  });
  afterAll(async () => {
    if (valkey.exitCode === null && valkey.signalCode === null) {
      const exited = new Promise((resolve) => valkey.once('exit', resolve));
      valkey.kill('SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    vi.stubEnv('REDIS_URL', undefined);
    vi.stubEnv('REDIS_SERVER_BIN', undefined);
  });

  async function doctor(args: string[]): Promise<string> {
    const io = captureIo({ env: { PATH: process.env.PATH, LANG: 'C.UTF-8' } });
    await runProgram(['doctor', '--course', course, ...args], io);
    return stripVTControlCharacters(io.stdoutText());
  }

  it('--url to a Valkey: "Valkey 8.x.y", not the Redis 7.2.4 it reports for compatibility', async () => {
    expect(version).toMatch(/^8\.\d+\.\d+$/);
    const out = await doctor(['--url', `redis://127.0.0.1:${port}`]);
    expect(out).toMatch(new RegExp(`^✓ Redis URL +Valkey ${version.replace(/\./g, '\\.')} at 127\\.0\\.0\\.1:${port}/0$`, 'm'));
    expect(out).not.toContain('7.2.4');
    expect(out).toContain(`it will use the Valkey at 127.0.0.1:${port}/0.`);
    expect(await doctor(['--url', `redis://127.0.0.1:${port}`, '--lang', 'ru'])).toMatch(new RegExp(`^✓ URL Redis +Valkey ${version.replace(/\./g, '\\.')} на 127\\.0\\.0\\.1:${port}/0$`, 'm'));
  });

  it('--redis-server a Valkey binary: "Valkey 8.x.y at PATH", and the verdict names valkey-server', async () => {
    const out = await doctor(['--redis-server', VALKEY]);
    expect(out).toMatch(new RegExp(`^✓ redis-server +Valkey ${version.replace(/\./g, '\\.')} at ${VALKEY.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(out).toContain(`it will use a private valkey-server ${version} it starts itself.`);
  });
});
