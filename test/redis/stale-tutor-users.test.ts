import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { FIXTURE_COURSE_DIR, gradeFiles, writeSubmission } from '../grade/support/grade-fixture.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';
import { compileForChild, type CompiledTree } from './support/compile-for-child.js';

/*
 * The tutor's ACL users (redis-tutor-checker-…, +@all) on a --url server:
 * removed on every exit path, and those of runs that were killed (SIGKILL)
 * removed at the next start, without touching any user the tutor did not
 * make or one a live run still uses.
 */
let server: TestServer;
let admin: Redis;
let tree: CompiledTree;
let scratch: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = new Redis({ port: server.port, host: '127.0.0.1' });
  tree = compileForChild(['src', 'test/redis/fixtures']);
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-stale-users-'));
}, 60_000);
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  admin.disconnect();
  await server.stop();
  tree.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const ownershipFile = () => join(scratch, 'claimed-databases.json');

async function tutorUsers(): Promise<string[]> {
  const users = (await admin.call('ACL', 'USERS')) as string[];
  return users.filter((name) => name.startsWith('redis-tutor-checker-')).sort();
}

async function gradeGreeting(db: number) {
  const graded = await gradeFiles(
    { 'basics/greeting.redis': 'SET greeting hello\n' },
    { url: `${server.url}/${db}`, ownershipFile: ownershipFile(), exerciseId: 'basics/greeting', timeoutMs: 3_000 },
  );
  return graded.report;
}

/** A grade run in its own process, stopped inside a program answer that waits; resolves once the answer runs. */
async function gradeInChild(db: number): Promise<{ child: ChildProcess; ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> }> {
  const dir = writeSubmission({ 'basics/counter.sh': 'touch started\nexec sleep 60\n' });
  const child = spawn(process.execPath, [tree.pathOf('test/redis/fixtures/grade-in-child.ts'), dir, `${server.url}/${db}`, FIXTURE_COURSE_DIR, ownershipFile()], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await waitUntil(() => existsSync(join(dir, 'started')) || (child.exitCode !== null && Promise.reject(new Error(`the grader ended early: ${stderr}`))), 'the answer to start', 30_000);
  void ended.then(() => rmSync(dir, { recursive: true, force: true }));
  return { child, ended };
}

describe('the tutor\'s ACL users', () => {
  it('a run refused for keys it did not create leaves no ACL user behind', async () => {
    await admin.select(11);
    await admin.set('someone:else', '1');
    await admin.select(0);
    await expect(gradeGreeting(11)).rejects.toThrow(UserError);
    expect(await tutorUsers()).toEqual([]);
  });

  it('a run that ends normally removes its user', async () => {
    expect((await gradeGreeting(12)).score.passed).toBe(1);
    expect(await tutorUsers()).toEqual([]);
  });

  it(
    'kill -9 leaves a user; the next start removes it and only it, and a SIGTERM removes a live run\'s user on the way out',
    async () => {
      const killed = await gradeInChild(13);
      const killedUsers = await tutorUsers();
      expect(killedUsers).toHaveLength(1);
      killed.child.kill('SIGKILL');
      expect(await killed.ended).toEqual({ code: null, signal: 'SIGKILL' });
      expect(await tutorUsers()).toEqual(killedUsers);

      const live = await gradeInChild(14);
      const liveUsers = (await tutorUsers()).filter((name) => !killedUsers.includes(name));
      expect(liveUsers).toHaveLength(1);
      // Users the tutor did not make (or made on another machine, whose runs it cannot see) stay.
      await admin.call('ACL', 'SETUSER', 'alice', 'on', '>alice-password', '~*', '+@read');
      await admin.call('ACL', 'SETUSER', 'redis-tutor-checker-00000000-1-deadbeef', 'on', '>x', '~*', '+@all');

      expect((await gradeGreeting(15)).score.passed).toBe(1);
      const after = (await admin.call('ACL', 'USERS')) as string[];
      expect(after).not.toContain(killedUsers[0]);
      expect(after).toEqual(expect.arrayContaining(['alice', 'redis-tutor-checker-00000000-1-deadbeef', ...liveUsers]));

      // The killed run's database held its keys when it died: nobody noted what it left, so it is not reset.
      await expect(gradeGreeting(13)).rejects.toThrow(/ended before it noted what it left/);

      live.child.kill('SIGTERM');
      expect(await live.ended).toEqual({ code: 143, signal: null });
      expect(await tutorUsers()).toEqual(['redis-tutor-checker-00000000-1-deadbeef']);
      await admin.call('ACL', 'DELUSER', 'alice', 'redis-tutor-checker-00000000-1-deadbeef');
    },
    90_000,
  );
});
