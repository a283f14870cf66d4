import { stripVTControlCharacters } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runProgram } from '../../src/program.js';
import { captureIo, type CapturedIo } from '../support/capture-io.js';
import { freePort, startTestServer, type TestServer } from '../support/test-server.js';

/* The real wiring, in-process: real probes, a real redis-server standing in for the Docker one (non-default port). */
let server: TestServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestServer();
  redis = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: false });
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
});
beforeEach(async () => {
  await redis.flushall();
  // commander reads REDIS_URL / REDIS_SERVER_BIN from process.env; a developer's own settings must not leak in.
  vi.stubEnv('REDIS_URL', undefined);
  vi.stubEnv('REDIS_SERVER_BIN', undefined);
});

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}, tty = false): Promise<{ code: number; out: string; io: CapturedIo }> {
  const io = captureIo({ env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env } });
  if (tty) Object.assign(io.stdout, { isTTY: true, columns: 100, rows: 30 });
  const code = await runProgram(['doctor', ...args], io);
  return { code, out: io.stdoutText(), io };
}

/** The line of one check, colour removed. */
const line = (out: string, name: string) =>
  stripVTControlCharacters(out)
    .split('\n')
    .find((l) => l.slice(2).startsWith(`${name} `));

describe('redis-tutor doctor', () => {
  it('--url to a reachable server: reports its version and that the database is free; exit 0', async () => {
    const { code, out } = await doctor(['--url', server.url]);
    expect(line(out, 'Redis URL')).toMatch(new RegExp(`^✓ Redis URL +Redis \\d+\\.\\d+\\.\\d+ at 127\\.0\\.0\\.1:${server.port}/0$`));
    expect(line(out, 'its data')).toMatch(/^✓ its data +database 0 is empty: redis-tutor may use it$/);
    expect(line(out, 'course')).toMatch(/^✓ course +\d+ modules, \d+ exercises valid/);
    expect(out.trimEnd().split('\n').at(-1)).toBe(`redis-tutor can run: it will use the Redis at 127.0.0.1:${server.port}/0.`);
    expect(code).toBe(0);
  });

  it('reads REDIS_URL when no --url is given', async () => {
    const { code, out } = await doctor([], { REDIS_URL: `${server.url}/3` });
    expect(line(out, 'Redis URL')).toContain(`at 127.0.0.1:${server.port}/3`);
    expect(code).toBe(0);
  });

  it('an unreachable --url: ✗ with the reason and what to check; exit 2', async () => {
    const port = await freePort();
    const { code, out } = await doctor(['--url', `redis://127.0.0.1:${port}`]);
    expect(line(out, 'Redis URL')).toMatch(new RegExp(`^✗ Redis URL +could not connect to Redis at 127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`));
    expect(out).toContain('→ Check that it is running and reachable');
    expect(out.trimEnd().split('\n').at(-1)).toBe('redis-tutor cannot run yet: fix the failed checks above.');
    expect(code).toBe(2);
  });

  it('a malformed --url: the parser\'s message; exit 2', async () => {
    const { code, out } = await doctor(['--url', 'http://localhost']);
    expect(line(out, 'Redis URL')).toMatch(/^✗ Redis URL +--url "http:\/\/localhost" uses the scheme http:\/\//);
    expect(code).toBe(2);
  });

  it('a server holding keys the tutor did not create: reported, with --force and another db; nothing changed', async () => {
    await redis.set('customer:1', 'alice');
    const { code, out } = await doctor(['--url', server.url]);
    expect(line(out, 'its data')).toMatch(/^✗ its data +database 0 holds 1 key that redis-tutor did not create: it will refuse to reset \(FLUSHDB\) it$/);
    expect(out).toContain(`--url redis://127.0.0.1:${server.port}/1`);
    expect(out).toContain('--force');
    expect(code).toBe(2);
    expect(await redis.get('customer:1')).toBe('alice');
    expect(await redis.dbsize()).toBe(1);
  });

  it('--redis-server /nonexistent: ✗ with the apt, brew and docker hints; exit 2 (a chosen binary has no fallback)', async () => {
    const { code, out } = await doctor(['--redis-server', '/nonexistent']);
    expect(line(out, 'redis-server')).toBe('✗ redis-server   --redis-server points at /nonexistent, which is not an executable file');
    expect(out).toMatch(/sudo apt-get install -y redis-server/);
    expect(out).toMatch(/brew install redis/);
    expect(out).toMatch(/docker compose up -d/);
    expect(code).toBe(2);
  });

  it('no redis-server on PATH and no --url: ✗ not found', async () => {
    // PATH without redis-server (and without docker), so neither private server nor container is obtainable.
    const { code, out } = await doctor([], { PATH: '/nonexistent-bin' });
    expect(line(out, 'redis-server')).toBe('✗ redis-server   not found on PATH');
    expect(line(out, 'Docker')).toMatch(/^! Docker +not installed; redis-tutor would use it, as there is no usable redis-server$/);
    expect(code).toBe(2);
  });

  it('colours a terminal, and NO_COLOR turns it off', async () => {
    const coloured = await doctor(['--url', server.url], {}, true);
    expect(coloured.out).toContain('\u001b[32m✓\u001b[39m Node.js');
    expect(line(coloured.out, 'colour')).toContain('on (a colour terminal)');

    const plain = await doctor(['--url', server.url], { NO_COLOR: '1' }, true);
    expect(plain.out).not.toContain('\u001b[');
    expect(line(plain.out, 'colour')).toMatch(/^✓ colour +off \(NO_COLOR is set\)$/);
    expect(line(plain.out, 'terminal size')).toMatch(/^✓ terminal size +100×30$/);
  });

  it('where progress is kept follows REDIS_TUTOR_HOME', async () => {
    const { out } = await doctor(['--url', server.url], { REDIS_TUTOR_HOME: '/tmp/redis-tutor-doctor-home-that-does-not-exist' });
    expect(line(out, 'progress')).toBe('✓ progress       /tmp/redis-tutor-doctor-home-that-does-not-exist/progress.json (from REDIS_TUTOR_HOME) (not created yet)');
  });
});
