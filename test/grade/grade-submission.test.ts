import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/grade/grade-submission.js';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { stringMatching } from '../support/matchers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { gradeFiles, loadFixtureCourse, type SubmissionFile } from './support/grade-fixture.js';
import { nodeAnswer, pythonAnswer, shellAnswer } from './support/program-answers.js';

const INCR_THREE = [['INCR', 'views:home'], ['INCR', 'views:home'], ['INCR', 'views:home']];
const nodeStripsTypes = (() => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6);
})();

function statusAndFailures(grade: ExerciseGrade) {
  return { status: grade.status, problem: grade.problem?.code, failing: grade.checks.filter((check) => !check.passed).map((check) => check.index) };
}

describe('grading answers to basics/counter (views:home is 3, counted with INCR)', () => {
  it.each<{ name: string; files: Record<string, SubmissionFile>; expected: ReturnType<typeof statusAndFailures> }>([
    { name: 'a right .redis answer', files: { 'basics/counter.redis': '# three views\nINCR views:home\r\nINCR views:home\n\nINCR views:home\n' }, expected: { status: 'passed', problem: undefined, failing: [] } },
    { name: 'a wrong .redis answer', files: { 'basics/counter.redis': 'INCR views:home\n' }, expected: { status: 'failed', problem: undefined, failing: [0] } },
    { name: 'a .redis answer that never uses INCR', files: { 'basics/counter.redis': 'SET views:home 3\n' }, expected: { status: 'failed', problem: undefined, failing: [1] } },
    { name: 'a shell program (its commands recorded for `used`)', files: { 'basics/counter.sh': shellAnswer(INCR_THREE) }, expected: { status: 'passed', problem: undefined, failing: [] } },
    { name: 'a shell program that never uses INCR', files: { 'basics/counter.sh': shellAnswer([['SET', 'views:home', '3']]) }, expected: { status: 'failed', problem: undefined, failing: [1] } },
    { name: 'a Python program', files: { 'basics/counter.py': pythonAnswer(INCR_THREE) }, expected: { status: 'passed', problem: undefined, failing: [] } },
    { name: 'an ES module', files: { 'basics/counter.mjs': nodeAnswer(INCR_THREE, 'esm') }, expected: { status: 'passed', problem: undefined, failing: [] } },
    { name: 'a CommonJS program', files: { 'basics/counter.js': nodeAnswer(INCR_THREE, 'cjs') }, expected: { status: 'passed', problem: undefined, failing: [] } },
    {
      name: `a TypeScript program (Node ${process.versions.node} ${nodeStripsTypes ? 'runs it' : 'cannot run it without tsx'})`,
      files: { 'basics/counter.ts': nodeAnswer(INCR_THREE, 'esm') },
      expected: nodeStripsTypes ? { status: 'passed', problem: undefined, failing: [] } : { status: 'failed', problem: 'could-not-run', failing: [] },
    },
    { name: 'an executable with its own #! line', files: { 'basics/counter': { text: `#!/bin/sh\n${shellAnswer(INCR_THREE)}`, mode: 0o755 } }, expected: { status: 'passed', problem: undefined, failing: [] } },
    { name: 'a program that does the work but exits with 3', files: { 'basics/counter.py': pythonAnswer(INCR_THREE, 3) }, expected: { status: 'failed', problem: 'exit-code', failing: [] } },
    { name: 'an executable whose interpreter is missing', files: { 'basics/counter': { text: '#!/nonexistent/interpreter\n', mode: 0o755 } }, expected: { status: 'failed', problem: 'could-not-run', failing: [] } },
    { name: 'two answers to one exercise', files: { 'basics/counter.redis': 'INCR views:home\n', 'basics/counter.sh': shellAnswer(INCR_THREE) }, expected: { status: 'failed', problem: 'several-answers', failing: [] } },
    { name: 'no answer', files: {}, expected: { status: 'not-submitted', problem: undefined, failing: [] } },
  ])('$name', async ({ files, expected }) => {
    const graded = await gradeFiles(files, { exerciseId: 'basics/counter' });
    expect(statusAndFailures(graded.grade('basics/counter'))).toEqual(expected);
  });

  it('shows expected and found for a failing check', async () => {
    const graded = await gradeFiles({ 'basics/counter.redis': 'INCR views:home\n' }, { exerciseId: 'counter' });
    expect(graded.grade('basics/counter').checks[0]).toMatchObject({ passed: false, expected: { en: '"3"', ru: '"3"' }, found: { en: '"1"', ru: '"1"' }, description: { en: 'views:home is 3' } });
  });

  it("keeps the end of a program's output and its exit code", async () => {
    const graded = await gradeFiles({ 'basics/counter.py': pythonAnswer(INCR_THREE, 3) }, { exerciseId: 'basics/counter' });
    expect(graded.grade('basics/counter').output).toMatchObject({ exitCode: 3, signal: null, truncated: false, text: "b':1\\r\\n'\nb':2\\r\\n'\nb':3\\r\\n'\n" });
  });

  it('runs programs in the submission folder with REDIS_URL, REDIS_HOST, REDIS_PORT and REDIS_PASSWORD of the sandbox', async () => {
    const script = 'test -f basics/counter.sh || exit 9\ncase "$REDIS_URL" in "redis://default:$REDIS_PASSWORD@$REDIS_HOST:$REDIS_PORT/0") ;; *) exit 8;; esac\n' + shellAnswer(INCR_THREE);
    const graded = await gradeFiles({ 'basics/counter.sh': script }, { exerciseId: 'basics/counter' });
    expect(graded.grade('basics/counter')).toMatchObject({ status: 'passed', output: { exitCode: 0 } });
  });

  it('notes the .redis lines that got an error, with their line numbers', async () => {
    const graded = await gradeFiles({ 'basics/counter.redis': '# comment\nINCR views:home\nINCRR views:home\nSET "unbalanced\n' }, { exerciseId: 'basics/counter' });
    expect(graded.grade('basics/counter').lineErrors).toEqual([
      { line: 3, text: 'INCRR views:home', error: stringMatching(/^ERR unknown command 'INCRR'/) },
      { line: 4, text: 'SET "unbalanced', error: stringMatching(/unbalanced quotes/) },
    ]);
  });
});

describe('grading a whole submission', () => {
  const submission = {
    'basics/counter.redis': 'INCR views:home\nINCR views:home\nINCR views:home\n',
    'basics/greeting.sh': shellAnswer([['SET', 'greeting', 'hi']]),
    'extra/wait-for-job.redis': 'BRPOP jobs 0\nSET done job-1\n',
    'extra/eviction.redis': 'CONFIG SET maxmemory-policy allkeys-lru\n',
    'extra/unknown.redis': 'PING\n',
  };
  const expected = [
    ['basics/counter', 'passed'],
    ['basics/greeting', 'failed'],
    ['extra/list', 'not-submitted'],
    ['extra/wait-for-job', 'passed'],
    ['extra/eviction', 'passed'],
  ];
  const verdicts = (grades: ExerciseGrade[]) => grades.map((grade) => [grade.id, grade.status]);

  it.each([1, 2, 3])('gives the same verdicts in course order with --jobs %i', async (jobs) => {
    const { report } = await gradeFiles(submission, { jobs });
    expect(verdicts(report.modules.flatMap((module) => module.exercises))).toEqual(expected);
    expect(report.score).toEqual({ passed: 3, failed: 1, notSubmitted: 1, skipped: 0, total: 5 });
    expect(report.modules.map((module) => [module.id, module.score.passed, module.score.total])).toEqual([
      ['basics', 1, 2],
      ['extra', 2, 3],
    ]);
    expect(report.unmatched).toEqual([expect.objectContaining({ path: 'extra/unknown.redis', kind: 'unknown-exercise' })]);
    expect(report.server).toMatch(jobs > 1 ? new RegExp(`and ${jobs - 1} more like it$`) : /^private redis-server [\d.]+ on 127\.0\.0\.1:\d+$/);
  });

  it('--jobs 2 grades answers side by side: two answers that each wait for the other both finish', async () => {
    // Each answer says it has started, then waits for the other's word before it does its work.
    const meeting = (self: string, other: string, commands: string[][]) =>
      `touch "\${RENDEZVOUS:?}/${self}"\nwhile [ ! -e "$RENDEZVOUS/${other}" ]; do sleep 0.05; done\n${shellAnswer(commands)}`;
    const files = {
      'basics/counter.sh': meeting('counter', 'greeting', [['INCR', 'views:home']]),
      'basics/greeting.sh': meeting('greeting', 'counter', [['SET', 'greeting', 'hello']]),
    };
    const gradeWith = async (jobs: number, timeoutMs: number) => {
      const rendezvous = mkdtempSync(join(tmpdir(), 'redis-tutor-rendezvous-'));
      try {
        const { report } = await gradeFiles(files, { jobs, timeoutMs, moduleId: 'basics', env: { PATH: process.env.PATH ?? '', RENDEZVOUS: rendezvous }, passEnv: ['RENDEZVOUS'] });
        return (report.modules[0]?.exercises ?? []).map((grade) => [grade.id, grade.status, grade.problem?.code]);
      } finally {
        rmSync(rendezvous, { recursive: true, force: true });
      }
    };
    // Side by side they meet (the timeout is only a deadline here).
    expect(await gradeWith(2, 20_000)).toEqual([
      ['basics/counter', 'failed', undefined],
      ['basics/greeting', 'passed', undefined],
    ]);
    // One after the other, the first waits in vain until its timeout; the second finds its word.
    expect(await gradeWith(1, 2_000)).toEqual([
      ['basics/counter', 'failed', 'timeout'],
      ['basics/greeting', 'passed', undefined],
    ]);
  });

  it('--module grades one module and reports only its stray files', async () => {
    const { report } = await gradeFiles({ ...submission, 'basics/stray.txt': '' }, { moduleId: 'extra' });
    expect(report.modules.map((module) => module.id)).toEqual(['extra']);
    expect(report.unmatched.map((file) => file.path)).toEqual(['extra/unknown.redis']);
  });

  it.each([
    ['--exercise MODULE/EXERCISE', { exerciseId: 'extra/wait-for-job' }],
    ['--exercise EXERCISE', { exerciseId: 'wait-for-job' }],
    ['--module and --exercise', { moduleId: 'extra', exerciseId: 'wait-for-job' }],
  ])('%s grades one exercise', async (_name, filter) => {
    const { report } = await gradeFiles(submission, filter);
    expect(verdicts(report.modules.flatMap((module) => module.exercises))).toEqual([['extra/wait-for-job', 'passed']]);
  });

  it.each([
    ['an unknown module', { moduleId: 'basic' }, /no module "basic" — did you mean "basics"\?/, /`redis-tutor list` shows them all/],
    ['an unknown exercise', { exerciseId: 'countr' }, /unknown exercise "countr"/, /Did you mean basics\/counter/],
    ['an exercise outside --module', { moduleId: 'extra', exerciseId: 'counter' }, /unknown exercise "counter"/, /list/],
  ])('%s is a usage error with a suggestion', async (_name, filter, message, nextStep) => {
    await expect(gradeFiles(submission, filter)).rejects.toMatchObject({ kind: 'user', message: stringMatching(message), nextStep: stringMatching(nextStep) });
  });

  it('needs no server when nothing was submitted', async () => {
    const { report } = await gradeFiles({ 'notes.txt': '' }, { env: { PATH: '/nonexistent' } });
    expect(report.server).toBe('none (nothing to run)');
    expect(report.score).toEqual({ passed: 0, failed: 0, notSubmitted: 5, skipped: 0, total: 5 });
  });

  it('without redis-server it is an environment error', async () => {
    await expect(gradeFiles(submission, { env: { PATH: '/nonexistent' } })).rejects.toMatchObject({ kind: 'environment' });
  });
});

describe('grading on a Redis given with --url', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('grades on it, and what needs a server the grader starts itself on a private one beside it, leaving the URL’s settings alone', async () => {
    const { report, grade } = await gradeFiles(
      { 'basics/counter.redis': 'INCR views:home\nINCR views:home\nINCR views:home\n', 'basics/greeting.py': pythonAnswer([['SET', 'greeting', 'hello']]), 'extra/eviction.redis': 'CONFIG SET maxmemory-policy allkeys-lru\n' },
      { url: server.url },
    );
    expect(report.server).toContain(`127.0.0.1:${server.port}`);
    expect(grade('basics/counter').status).toBe('passed');
    expect(grade('basics/greeting').status).toBe('passed');
    expect(grade('extra/eviction').status).toBe('passed');
    expect(report.score).toMatchObject({ passed: 3, failed: 0, skipped: 0, total: 5 });
    const foreign = new Redis(server.url);
    try {
      expect(await foreign.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    } finally {
      foreign.disconnect();
    }
  });

  it('refuses --jobs above 1', async () => {
    await expect(gradeSubmission({ course: await loadFixtureCourse(), submissionDir: '/tmp', submissionLabel: '.', timeoutMs: 1000, jobs: 2, url: server.url, env: {}, connectLearner: () => Promise.reject(new Error('unused')), handleSignals: false })).rejects.toMatchObject({
      kind: 'user',
      message: stringMatching(/--jobs works with private servers only/),
    });
  });
});
