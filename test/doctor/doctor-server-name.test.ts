import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { freePort } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * The redis-server first on PATH, named as what it is: Debian's Redis 7.0 in
 * `npm test`, Redis 8 and Valkey 8 in the compatibility matrix (scripts/matrix/run.sh
 * puts each first on PATH as `redis-server`). Valkey answers INFO with
 * redis_version 7.2.4 for its clients, and its own version in valkey_version.
 */
const SERVER = findOnPath('redis-server');
const course = fileURLToPath(new URL('../fixtures/course-basic/', import.meta.url));

function findOnPath(name: string): string {
  const found = (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((file) => existsSync(file));
  if (!found) throw new Error(`${name} is not on PATH: install it with \`apt-get install -y redis-server\``);
  return found;
}

describe('redis-tutor doctor names the server as what it is, with its own version', () => {
  let server: ChildProcess;
  let port: number;
  let dir: string;
  /** "Valkey" or "Redis", and the version that product gives itself. */
  let product: string;
  let version: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redis-tutor-server-name-'));
    port = await freePort();
    server = spawn(SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    redis.on('error', () => undefined);
    const info = await waitUntil(async () => {
      if (server.exitCode !== null) throw new Error(`redis-server exited with ${server.exitCode}`);
      try {
        if (redis.status !== 'ready') await redis.connect();
        return await redis.info('server');
      } catch {
        redis.disconnect();
        return undefined;
      }
    }, 'redis-server to answer INFO');
    redis.disconnect();
    const valkey = /^valkey_version:(.*)$/m.exec(info)?.[1]?.trim();
    product = valkey ? 'Valkey' : 'Redis';
    version = valkey ?? /^redis_version:(.*)$/m.exec(info)?.[1]?.trim() ?? '';
  });
  afterAll(async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGKILL');
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

  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('--url: "<product> <its version>" (a Valkey is not the Redis 7.2.4 it reports for compatibility)', async () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    const out = await doctor(['--url', `redis://127.0.0.1:${port}`]);
    expect(out).toMatch(new RegExp(`^✓ Redis URL +${product} ${escape(version)} at 127\\.0\\.0\\.1:${port}/0$`, 'm'));
    if (product === 'Valkey') expect(out).not.toContain('7.2.4');
    expect(out).toContain(`it will use the ${product} at 127.0.0.1:${port}/0.`);
    expect(await doctor(['--url', `redis://127.0.0.1:${port}`, '--lang', 'ru'])).toMatch(new RegExp(`^✓ URL Redis +${product} ${escape(version)} на 127\\.0\\.0\\.1:${port}/0$`, 'm'));
  });

  it('--redis-server PATH: "<product> <its version> at PATH", and the verdict names the binary as its product calls it', async () => {
    const out = await doctor(['--redis-server', SERVER]);
    expect(out).toMatch(new RegExp(`^✓ redis-server +${product} ${escape(version)} at ${escape(SERVER)}$`, 'm'));
    expect(out).toContain(`it will use a private ${product.toLowerCase()}-server ${version} it starts itself.`);
  });
});
