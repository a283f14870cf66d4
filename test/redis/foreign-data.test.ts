import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/commands/grade.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { Engine } from '../../src/engine/engine.js';
import { UserError } from '../../src/errors.js';
import { connectToUrl } from '../../src/redis/url-target.js';
import { gradeFiles } from '../grade/support/grade-fixture.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/*
 * With --url, the tutor changes only data it made. A startTestServer() server
 * stands in for the user's own Redis; "foreign" keys are put in it between
 * runs, as the user would.
 */
let server: TestServer;
let scratch: string;
const clients: Redis[] = [];
const repositoryRoot = join(import.meta.dirname, '../..');

function client(db: number, port = server.port): Redis {
  const redis = new Redis({ port, host: '127.0.0.1', db, maxRetriesPerRequest: 1 });
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
  await client(0).flushall();
  for (const redis of clients.splice(0)) redis.disconnect();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});
function claimsFile(): string {
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-foreign-'));
  return join(scratch, 'claimed-databases.json');
}

async function gradeGreeting(url: string, ownershipFile: string) {
  const graded = await gradeFiles(
    { 'basics/greeting.redis': 'SET greeting hello\n' },
    { url: url, ownershipFile: ownershipFile, exerciseId: 'basics/greeting', timeoutMs: 3_000 },
  );
  return graded.report;
}

async function openEngine(url: string, ownershipFile: string): Promise<Engine> {
  const target = await connectToUrl(url, { ownershipFile });
  return Engine.open(target, { connectLearner: connectRespLearner, ownershipFile });
}

describe('a database the tutor used before is looked at again', () => {
  it('keys the user put there after a grade run are not reset by the next run: it stops, says why, exits 2', async () => {
    const ownershipFile = claimsFile();
    const url = `${server.url}/1`;
    const first = await gradeGreeting(url, ownershipFile);
    expect(first.score.passed).toBe(1);

    await client(1).mset('user:1', 'a', 'user:2', 'b', 'user:3', 'c', 'user:4', 'd');
    const again = gradeGreeting(url, ownershipFile);
    await expect(again).rejects.toThrow(UserError);
    const error = (await again.catch((e: unknown) => e)) as UserError;
    expect(error.message).not.toContain('\n');
    expect(error.message).toMatch(/database 1 on 127\.0\.0\.1:\d+ holds \d+ keys/);
    expect(error.nextStep).toMatch(/--force/);
    expect(await client(1).mget('user:1', 'user:2', 'user:3', 'user:4')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a database left exactly as the last run left it is the tutor\'s to reset again', async () => {
    const ownershipFile = claimsFile();
    const url = `${server.url}/2`;
    expect((await gradeGreeting(url, ownershipFile)).score.passed).toBe(1);
    expect((await gradeGreeting(url, ownershipFile)).score.passed).toBe(1);
  });

  it('the tutor\'s session: the learner\'s keys are kept for next time; a key added after the tutor left stops the next one', async () => {
    const ownershipFile = claimsFile();
    const url = `${server.url}/3`;
    const first = await openEngine(url, ownershipFile);
    await first.resetSandbox();
    await client(3).set('learner:made', '1');
    await first.close();

    const second = await openEngine(url, ownershipFile);
    await second.resetSandbox();
    expect(await client(3).dbsize()).toBe(0);
    await client(3).set('learner:again', '1');
    await second.close();

    await client(3).set('mine:not-the-tutors', 'keep me');
    await expect(openEngine(url, ownershipFile)).rejects.toThrow(/changed since redis-tutor last left it/);
    expect(await client(3).get('mine:not-the-tutors')).toBe('keep me');
  });

  it('a claim written by an older redis-tutor (no record of what it left) no longer lets keys be reset', async () => {
    const ownershipFile = claimsFile();
    const runId = /run_id:(\w+)/.exec(await client(0).info('server'))?.[1] ?? '';
    writeFileSync(ownershipFile, JSON.stringify({ claims: [{ runId, db: 4, address: `127.0.0.1:${server.port}`, claimedAt: new Date().toISOString() }] }));
    await client(4).set('old:data', '1');
    await expect(openEngine(`${server.url}/4`, ownershipFile)).rejects.toThrow(UserError);
    expect(await client(4).get('old:data')).toBe('1');
  });

  it('a second session cannot take a database a live session holds, even while it is empty', async () => {
    const ownershipFile = claimsFile();
    const url = `${server.url}/5`;
    const holder = await openEngine(url, ownershipFile);
    try {
      await holder.resetSandbox();
      expect(await client(5).dbsize()).toBe(0);
      await expect(openEngine(url, ownershipFile)).rejects.toThrow(/another redis-tutor run \(pid \d+\) is using it/);
    } finally {
      await holder.close();
    }
  });
});

describe('program answers find their database', () => {
  it('the sample answers graded against /1 write into database 1, never into database 0', async () => {
    await client(0).mset('customer:1', 'alice', 'customer:2', 'bob');
    const ownershipFile = claimsFile();
    const report = await runGrade({
      path: 'examples/submission',
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? '' },
      handleSignals: false,
      url: `${server.url}/7`,
      ownershipFile,
    });
    const status = new Map(report.modules.flatMap((module) => module.exercises).map((grade) => [grade.id, grade.status]));
    expect(status.get('strings/atomic-ids')).toBe('passed');
    expect(status.get('hashes/hset-hget')).toBe('passed');
    expect((await client(0).keys('*')).sort()).toEqual(['customer:1', 'customer:2']);
  });
});
