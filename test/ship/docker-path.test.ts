import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { pathWithRedisPy } from '../support/python-with-redis.js';

/*
 * The way a Docker user runs the tutor: `docker compose up -d`, then
 * `--url redis://localhost:6379`. No Docker engine runs here, so a
 * redis-server on a non-default port stands in for the container: what the
 * tutor does through --url is the same. Run through the built bin, as a user would.
 */
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/redis-tutor.js');
const MODULE = '10-streams';

let server: TestServer;
let redis: Redis;
let work: string;
let course: string;

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm test builds first).');
  work = mkdtempSync(join(tmpdir(), 'redis-tutor-docker-path-'));
  // validate takes a course folder, not a module: a course of one module keeps the run short.
  course = join(work, 'course');
  cpSync(join(root, 'exercises', MODULE), join(course, MODULE), { recursive: true });
  server = await startTestServer();
  redis = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: false });
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * The bin in a clean environment. HOME and XDG_DATA_HOME point into the
 * scratch folder, so the claims the tutor records about --url databases stay
 * out of the real data directory; `data` names a fresh one per test.
 */
function tutor(args: string[], data: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = join(work, data);
  mkdirSync(home, { recursive: true });
  // The module has program exercises: their Python solutions need a python3 with redis-py first on PATH.
  const env = { PATH: pathWithRedisPy(), HOME: home, XDG_DATA_HOME: join(home, 'data'), LANG: 'C.UTF-8', ...extraEnv };
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: work, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

describe('the Docker path: an existing Redis used through --url', () => {
  it('doctor --url sees it and says the tutor can run', async () => {
    const run = await tutor(['doctor', '--url', server.url], 'doctor');
    expect(run.stdout).toContain(`✓ Redis URL      Redis `);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(`redis-tutor can run: it will use the Redis at 127.0.0.1:${server.port}/0.`);
    expect(run.code).toBe(0);
  });

  it('list shows the module', async () => {
    const run = await tutor(['list', '--json'], 'list', { REDIS_TUTOR_EXERCISES: course });
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout) as { modules: { id: string; exercises: unknown[] }[] };
    expect(model.modules.map((module) => module.id)).toEqual(['streams']);
    expect(model.modules[0]?.exercises.length).toBeGreaterThan(0);
  });

  it(`validate --solutions --url passes for ${MODULE}`, async () => {
    await redis.flushall();
    const run = await tutor(['validate', course, '--solutions', '--url', server.url], 'validate-ok');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`solutions on Redis `);
    expect(run.stdout).toContain(`at redis://127.0.0.1:${server.port}/0 (from --url)`);
    expect(run.stdout).not.toMatch(/^FAIL /m);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^(\d+) exercises: \1 passed, 0 failed$/);
    expect(run.code).toBe(0);
  }, 120_000);

  describe('a database holding a key the tutor did not create', () => {
    const db = 5;
    let run: { code: number; stdout: string; stderr: string };

    beforeAll(async () => {
      await redis.flushall();
      await redis.select(db);
      await redis.set('customer:1', 'alice');
      await redis.select(0);
      run = await tutor(['validate', course, '--solutions', '--url', `${server.url}/${db}`], 'validate-foreign');
    }, 120_000);

    it('keeps the key', async () => {
      await redis.select(db);
      expect(await redis.get('customer:1')).toBe('alice');
      expect(await redis.dbsize()).toBe(1);
      await redis.select(0);
    });

    it('says why it stopped', () => {
      expect(run.stdout + run.stderr).toContain(`database ${db} on 127.0.0.1:${server.port} holds 1 key that redis-tutor did not create`);
      expect(run.code).not.toBe(0);
    });

    // The shipping contract: refuse up front, as a usage/environment error (exit 2), and say how to go on anyway.
    it('refuses with exit 2 and a message naming --force', () => {
      expect({ code: run.code, namesForce: (run.stdout + run.stderr).includes('--force') }).toEqual({ code: 2, namesForce: true });
    });
  });
});
