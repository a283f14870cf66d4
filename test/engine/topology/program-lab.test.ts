import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/commands/validate.js';
import { bundledCourseDir, loadCourse } from '../../../src/course/load.js';
import { connectRespLearner } from '../../../src/engine/default-learner.js';
import { runProgramOnce } from '../../../src/projects/run-exercise.js';
import { reasonsOf } from '../../../src/validate/render-validate.js';
import { gradeFiles } from '../../grade/support/grade-fixture.js';
import { pathWithRedisPy } from '../../support/python-with-redis.js';

/*
 * Program answers on labs, on real redis-server and sentinel processes: the
 * program gets the lab's addresses (REDIS_SENTINELS, REDIS_CLUSTER_NODES,
 * REDIS_REPLICAS), an actor kills a node when the program prints a text, and
 * validate and grade run each program on a fresh lab through the same path.
 */
let dir: string;
const PROGRAM_LABS = ['08-sentinel-client.yaml', '09-cluster-client.yaml', '10-info-alerts.yaml'];

/** redis-server processes this test process started and that still run. */
function childRedisServers(): string[] {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), '-a', 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-program-lab-'));
  const module = join(bundledCourseDir(), '25-production-lab');
  const programLabs = (source: string) => !source.endsWith('.yaml') || source.endsWith('module.yaml') || PROGRAM_LABS.some((file) => source.endsWith(`/${file}`));
  cpSync(module, join(dir, '25-production-lab'), { recursive: true, filter: programLabs });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('program labs under validate --solutions', () => {
  it('runs each counter-example, starter and solution on a lab of its own: solutions pass, starters and counter-examples fail, no process is left', async () => {
    const report = await runValidate({ dir, solutions: true, env: { PATH: pathWithRedisPy() }, ownershipFile: join(dir, 'claims.json'), connectLearner: connectRespLearner });
    // A counter-example "passes" when it fails, which its reasons then name.
    const results = (report.solutions ?? []).map(({ result, counterExample, language }) =>
      counterExample ? [result.id, `counter-example ${counterExample.index + 1}`, result.status] : [result.id, language ?? 'redis', result.status, reasonsOf(result)],
    );
    expect(results).toEqual([
      ['production-lab/sentinel-client', 'counter-example 1', 'passed'],
      ['production-lab/sentinel-client', 'python', 'passed', []],
      ['production-lab/sentinel-client', 'javascript', 'passed', []],
      ['production-lab/cluster-client', 'counter-example 1', 'passed'],
      ['production-lab/cluster-client', 'counter-example 2', 'passed'],
      ['production-lab/cluster-client', 'python', 'passed', []],
      ['production-lab/cluster-client', 'javascript', 'passed', []],
      ['production-lab/info-alerts', 'counter-example 1', 'passed'],
      ['production-lab/info-alerts', 'python', 'passed', []],
      ['production-lab/info-alerts', 'javascript', 'passed', []],
    ]);
    expect(childRedisServers()).toEqual([]);
  }, 300_000);
});

describe('program answers on labs under grade', () => {
  it('passes a Sentinel client that followed the failover and fails one pinned to the killed master', async () => {
    const { course } = await loadCourse(dir);
    const programs = join(dir, '25-production-lab', 'programs', 'sentinel-client');
    const id = 'production-lab/sentinel-client';
    const grade = async (file: string, timeoutMs: number) => {
      const graded = await gradeFiles({ [`${id}.py`]: readFileSync(join(programs, file), 'utf8') }, { course, env: { PATH: pathWithRedisPy() }, timeoutMs, exerciseIds: new Set([id]) });
      return graded.grade(id);
    };

    // A generous limit: a tight one (it was 2 s, to show the failover's seconds are not the program's) failed on a loaded machine.
    const solution = await grade('solution.py', 60_000);
    expect([solution.status, solution.problem]).toEqual(['passed', undefined]);
    expect(solution.output?.text).toMatch(/^wrote orders:after on the new master at 127\.0\.0\.1:\d+$/m);

    const pinned = await grade('pinned-client.py', 60_000);
    expect(pinned.status).toBe('failed');
    // The master was killed and replica-1 promoted, but orders:after never reached it.
    expect(pinned.checks.map((check) => check.passed)).toEqual([true, true, false, false, false]);
    expect(pinned.output?.text).toMatch(/ConnectionError/);
    expect(childRedisServers()).toEqual([]);
  }, 180_000);

  it('passes a cluster client in JavaScript that reached every master through REDIS_CLUSTER_NODES', async () => {
    const { course } = await loadCourse(dir);
    const id = 'production-lab/cluster-client';
    const answer = readFileSync(join(dir, '25-production-lab', 'programs', 'cluster-client', 'solution.mjs'), 'utf8');
    const { grade } = await gradeFiles({ [`${id}.mjs`]: answer }, { course, env: { PATH: pathWithRedisPy() }, timeoutMs: 60_000, exerciseIds: new Set([id]) });
    expect([grade(id).status, grade(id).problem, grade(id).checks.every((check) => check.passed)]).toEqual(['passed', undefined, true]);
    expect(childRedisServers()).toEqual([]);
  }, 120_000);
});

describe('redis-tutor run on a lab', () => {
  it('runs the learner\'s alert script once on a lab of its own: the replica it watches is killed after its memory alert', async () => {
    const { course } = await loadCourse(dir);
    const module = course.modules[0];
    const exercise = module?.exercises.find((candidate) => candidate.localId === 'info-alerts');
    if (!module || !exercise) throw new Error('info-alerts is not in the course');
    const file = join(dir, '25-production-lab', 'programs', 'info-alerts', 'solution.mjs');
    const prepared = { module, exercise, file, language: 'javascript' as const, created: false, fromWorkspace: false };
    const { grade } = await runProgramOnce(prepared, { env: { PATH: pathWithRedisPy() }, handleSignals: false, ownershipFile: join(dir, 'run-claims.json') });
    expect([grade.status, grade.problem]).toEqual(['passed', undefined]);
    expect(grade.output?.text).toMatch(/^ALERT memory: .*\nALERT replica: 0 of 1 replicas connected\n/m);
    expect(childRedisServers()).toEqual([]);
  }, 60_000);
});
