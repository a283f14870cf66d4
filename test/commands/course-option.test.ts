import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradeReportSchema } from '../../src/results/report-model.js';
import { assertBuilt, repoRoot as root, runBin } from '../support/run-bin.js';

/*
 * A teacher's own course, chosen with --course (or REDIS_TUTOR_COURSE, or
 * its old name REDIS_TUTOR_EXERCISES), through the built bin as a teacher
 * would run it: grade, list, show and validate all read the same folder.
 */
const COURSE = join(root, 'test/fixtures/course-leaderboard');

let work: string;

beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'redis-tutor-course-option-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const tutor = (args: string[], env: NodeJS.ProcessEnv = {}) => runBin(args, { cwd: work, home: join(work, 'home'), env });

function submission(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('grade --course: a teacher grades answers to their own exercises', () => {
  it('grades every exercise of the course and nothing of the bundled one', async () => {
    const dir = submission('class-a', {
      'leaderboard/top-scores.redis': 'ZADD game:scores 30 ann 20 bob 10 cy\n',
      'leaderboard/bonus.redis': 'ZINCRBY game:scores 5 bob\n',
    });
    const run = await tutor(['grade', dir, '--course', COURSE, '--reporter', 'json']);
    expect(run.stderr).toBe('');
    const report = GradeReportSchema.parse(JSON.parse(run.stdout));
    expect(report.unmatched).toEqual([]);
    expect(report.modules.map((module) => module.id)).toEqual(['leaderboard']);
    expect(report.modules[0]?.exercises.map((grade) => [grade.id, grade.status])).toEqual([
      ['leaderboard/top-scores', 'passed'],
      ['leaderboard/bonus', 'failed'],
    ]);
    expect(run.code).toBe(1);
  });

  it('REDIS_TUTOR_COURSE chooses the course when --course is not given', async () => {
    const dir = submission('class-b', { 'leaderboard/top-scores.redis': 'ZADD game:scores 30 ann 20 bob 10 cy\n' });
    const run = await tutor(['grade', dir, '--exercise', 'top-scores'], { REDIS_TUTOR_COURSE: COURSE });
    expect(run.stdout).toMatch(/✓ top-scores — Record the scores/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Score: 1\/1/);
    expect(run.code).toBe(0);
  });

  it('a folder that does not exist is one line and the next step, exit 2', async () => {
    const run = await tutor(['grade', '.', '--course', 'my-course']);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'redis-tutor: the course folder my-course (from --course) does not exist.',
      expect.stringMatching(/^Check the path\. A course folder holds one NN-<module> folder per module/),
    ]);
    expect(run.code).toBe(2);
  });

  it('a module folder given as the course says to give the folder above it', async () => {
    const run = await tutor(['grade', '.', '--course', join(COURSE, '01-leaderboard')]);
    expect(run.stderr).toContain('is a module folder (it has module.yaml)');
    expect(run.stderr).toContain(`--course ${COURSE}`);
    expect(run.code).toBe(2);
  });
});

describe('list, show and validate read the same course', () => {
  it.each([
    ['--course', ['--course', COURSE], {}],
    ['REDIS_TUTOR_COURSE', [], { REDIS_TUTOR_COURSE: COURSE }],
    ['REDIS_TUTOR_EXERCISES (the old name)', [], { REDIS_TUTOR_EXERCISES: COURSE }],
  ])('list with %s', async (_name, args, env) => {
    const run = await tutor(['list', '--json', ...args], env);
    const model = JSON.parse(run.stdout) as { modules: Array<{ id: string }> };
    expect(model.modules.map((module) => module.id)).toEqual(['leaderboard']);
    expect(run.code).toBe(0);
  });

  it('--course wins over the environment', async () => {
    const run = await tutor(['list', '--json', '--course', COURSE], { REDIS_TUTOR_COURSE: join(root, 'test/fixtures/course-basic') });
    expect((JSON.parse(run.stdout) as { modules: Array<{ id: string }> }).modules.map((module) => module.id)).toEqual(['leaderboard']);
  });

  it('show --course prints an exercise of the course', async () => {
    const run = await tutor(['show', 'leaderboard/bonus', '--course', COURSE]);
    expect(run.stdout).toContain('A bonus for bob');
    expect(run.code).toBe(0);
  });

  it('validate takes the folder as DIR or --course, not two different ones', async () => {
    // English only (course.yaml says languages: [en]): no warning about Russian texts.
    const validated = await tutor(['validate', '--course', COURSE]);
    expect(validated.stdout).toBe('2 exercises: 2 passed, 0 failed\n');
    expect(validated.code).toBe(0);
    const both = await tutor(['validate', COURSE, '--course', join(root, 'test/fixtures/course-basic')]);
    expect(both.stderr).toMatch(/^redis-tutor: two course folders given/);
    expect(both.code).toBe(2);
  });

  it('list with a bad REDIS_TUTOR_COURSE names the variable', async () => {
    const run = await tutor(['list'], { REDIS_TUTOR_COURSE: join(work, 'missing') });
    expect(run.stderr.split('\n')[0]).toBe(`redis-tutor: the course folder ${join(work, 'missing')} (from REDIS_TUTOR_COURSE) does not exist.`);
    expect(run.code).toBe(2);
  });
});
