import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/commands/validate.js';
import { bundledCourseDir, loadCourse } from '../../../src/course/load.js';
import { connectRespLearner } from '../../../src/engine/default-learner.js';
import { Engine } from '../../../src/engine/engine.js';
import { Supervisor } from '../../../src/engine/supervisor.js';
import { openTopologyLab } from '../../../src/engine/topology/topology-lab.js';
import { startPrivateServer } from '../../../src/redis/private-server.js';
import { reasonsOf } from '../../../src/validate/render-validate.js';
import { gradeFiles } from '../../grade/support/grade-fixture.js';

/*
 * The production lab (topology: exercises) under `validate --solutions` on
 * real redis-server processes: each run gets its own topology (replication,
 * Sentinel, a 6-node Cluster, a single AOF server), node-addressed checks,
 * `connect NODE` lines and actors that kill, wait for a failover and
 * restart; every process of every topology is gone afterwards.
 */
let dir: string;

/** redis-server processes this test process started and that still run (other tests on the machine may run topologies of their own). */
function childRedisServers(): string[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-a', 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-production-lab-'));
  // The typed labs only: the program labs have a test of their own (./program-lab.test.ts).
  const typedOnly = (source: string) => !source.includes('/programs') && (!source.endsWith('.yaml') || !readFileSync(source, 'utf8').includes('\nprogram:'));
  cpSync(join(bundledCourseDir(), '25-production-lab'), join(dir, '25-production-lab'), { recursive: true, filter: typedOnly });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the production lab under validate --solutions', () => {
  it('passes every lab on its own topology, a counter-example on a lab of its own, and leaves no topology process behind', async () => {
    const report = await runValidate({ dir, solutions: true, env: { PATH: process.env.PATH ?? '' }, ownershipFile: join(dir, 'claims.json'), connectLearner: connectRespLearner });
    // A counter-example "passes" when it fails a check, which its reasons then name.
    const results = (report.solutions ?? []).map(({ result, counterExample }) =>
      counterExample ? [result.id, `counter-example ${counterExample.index + 1}`, result.status] : [result.id, result.status, reasonsOf(result)],
    );
    expect(results).toEqual([
      ['production-lab/read-from-replica', 'passed', []],
      ['production-lab/read-from-replica', 'counter-example 1', 'passed'],
      ['production-lab/sentinel-failover', 'passed', []],
      ['production-lab/cluster-key-slot', 'passed', []],
      ['production-lab/aof-recovery', 'passed', []],
      ['production-lab/backup-restore', 'passed', []],
      ['production-lab/wait-for-replicas', 'passed', []],
      ['production-lab/promote-replica', 'passed', []],
    ]);
    expect(childRedisServers()).toEqual([]);
  }, 180_000);
});

describe('the production lab under grade', () => {
  it('grades each reference solution as a passing .redis answer, each on its own topology', async () => {
    const { course } = await loadCourse(dir);
    const labs = course.modules[0]?.exercises ?? [];
    const files = Object.fromEntries(labs.map((exercise) => [`${exercise.id}.redis`, exercise.solution]));
    const { grade } = await gradeFiles(files, { course, timeoutMs: 60_000 });
    // Line errors (READONLY, MOVED) are part of these answers; only the verdict matters here.
    expect(labs.map((exercise) => [exercise.id, grade(exercise.id).status, grade(exercise.id).problem])).toEqual(labs.map((exercise) => [exercise.id, 'passed', undefined]));
    expect(childRedisServers()).toEqual([]);
  }, 180_000);
});

describe('a wrong answer to a lab', () => {
  it('fails the failover lab when the note goes to the killed master instead of the promoted replica', async () => {
    const { course } = await loadCourse(dir);
    const id = 'production-lab/sentinel-failover';
    const answer = 'connect sentinel-1\nSENTINEL get-master-addr-by-name mymaster\nconnect master\nSET failover:note survived\n';
    const { grade } = await gradeFiles({ [`${id}.redis`]: answer }, { course, timeoutMs: 60_000, exerciseIds: new Set([id]) });
    const graded = grade(id);
    expect(graded.status).toBe('failed');
    expect(graded.checks.map((check) => check.passed)).toEqual([true, false, true]);
    expect(childRedisServers()).toEqual([]);
  }, 120_000);
});

describe('a lab’s processes', () => {
  it('are children of the tutor while the lab runs and all gone once it is closed', async () => {
    const target = await startPrivateServer({ env: { PATH: process.env.PATH ?? '' }, handleSignals: false });
    const main = await Supervisor.open(target, { openEngine: (on) => Engine.open(on, { connectLearner: connectRespLearner, ownershipFile: join(dir, 'claims.json') }) });
    try {
      const before = childRedisServers().length;
      const lab = await openTopologyLab({ kind: 'replication', replicas: 2 }, main);
      expect(childRedisServers()).toHaveLength(before + 3);
      await lab.close();
      expect(childRedisServers()).toHaveLength(before);
    } finally {
      await main.close();
      await target.release();
    }
  }, 60_000);
});
