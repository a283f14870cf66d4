import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { gradeSubmission, type GradeSubmissionOptions } from '../../src/grade/grade-submission.js';
import type { ExerciseGrade, GradeReport } from '../../src/results/report-model.js';
import { loadFixtureCourse, writeSubmission, type SubmissionFile } from './support/grade-fixture.js';

/*
 * Answers are read only when they are regular files inside the submission:
 * a link out of it (to /etc/passwd, to /proc/self/environ), a FIFO, a device
 * or a hard link to a file elsewhere is refused with the reason, and what it
 * points to never reaches the report. Programs get a minimal environment.
 */
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-hostile-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Graded {
  report: GradeReport;
  text: string;
  grade(id: string): ExerciseGrade;
}

async function grade(
  files: Record<string, SubmissionFile>,
  arrange: (dir: string) => void = () => undefined,
  options: Partial<GradeSubmissionOptions> = {},
): Promise<Graded> {
  const dir = writeSubmission(files);
  try {
    arrange(dir);
    const report = await gradeSubmission({
      course: await loadFixtureCourse(),
      submissionDir: dir,
      submissionLabel: 'submission',
      timeoutMs: 3_000,
      jobs: 1,
      env: { PATH: process.env.PATH ?? '' },
      connectLearner: connectRespLearner,
      handleSignals: false,
      ownershipFile: join(scratch, 'claims.json'),
      ...options,
    });
    const all = report.modules.flatMap((module) => module.exercises);
    return {
      report,
      text: JSON.stringify(report),
      grade(id) {
        const found = all.find((exercise) => exercise.id === id);
        if (!found) throw new Error(`no grade for ${id}`);
        return found;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The refusal of an answer: failed, nothing run, the reason named, no line of the file quoted. */
function expectRefused(graded: Graded, id: string, reason: RegExp): void {
  const refused = graded.grade(id);
  expect(refused.status).toBe('failed');
  expect(refused.problem?.code).toBe('could-not-run');
  expect(refused.problem?.message).toMatch(reason);
  expect(refused.lineErrors ?? []).toEqual([]);
  expect(refused.output).toBeUndefined();
}

const GREETING = { 'basics/greeting.redis': 'SET greeting hello\n' };

describe('answers that are not regular files inside the submission are refused', () => {
  it('a .redis answer linked to the system user list: not read, nothing of it printed', async () => {
    const graded = await grade(GREETING, (dir) => symlinkSync('/etc/passwd', join(dir, 'basics/counter.redis')));
    expectRefused(graded, 'basics/counter', /outside the submission/);
    expect(graded.text).not.toMatch(/root:/);
    expect(graded.grade('basics/greeting').status).toBe('passed');
  });

  it('a .redis answer linked to the process environment under /proc: not read', async () => {
    const graded = await grade(GREETING, (dir) => symlinkSync('/proc/self/environ', join(dir, 'basics/counter.redis')));
    expectRefused(graded, 'basics/counter', /outside the submission/);
    expect(graded.text).not.toContain('PATH=');
  });

  it('a program answer linked outside (an interpreter would print the file as a syntax error): not run', async () => {
    const graded = await grade(GREETING, (dir) => symlinkSync('/etc/passwd', join(dir, 'basics/counter.py')));
    expectRefused(graded, 'basics/counter', /outside the submission/);
    expect(graded.text).not.toMatch(/root:/);
  });

  it('a module folder linked to a folder outside: its files are not read', async () => {
    const outside = mkdtempSync(join(scratch, 'outside-'));
    writeFileSync(join(outside, 'counter.redis'), 'SET outside-secret 1\nINCR views:home\n');
    const graded = await grade(GREETING, (dir) => {
      rmSync(join(dir, 'basics'), { recursive: true });
      symlinkSync(outside, join(dir, 'basics'));
    });
    expect(graded.grade('basics/counter').status).not.toBe('passed');
    expect(graded.text).not.toContain('outside-secret');
    expect(graded.report.unmatched.find((file) => file.path === 'basics/')?.reason).toMatch(/outside the submission/);
  });

  it('a FIFO named like an answer: refused at once, the grading does not hang on it', async () => {
    const graded = await grade(GREETING, (dir) => execFileSync('mkfifo', [join(dir, 'basics/counter.redis')]));
    expectRefused(graded, 'basics/counter', /not a regular file/);
  });

  it('a device named like an answer: refused', async () => {
    const graded = await grade(GREETING, (dir) => symlinkSync('/dev/zero', join(dir, 'basics/counter.redis')));
    expectRefused(graded, 'basics/counter', /outside the submission|not a regular file/);
  });

  it('a hard link to a file elsewhere: refused (it is not the submission\'s own file)', async () => {
    const secret = join(scratch, 'teacher-secret.txt');
    writeFileSync(secret, 'TEACHER-ONLY-ANSWER-KEY\n');
    const graded = await grade(GREETING, (dir) => linkSync(secret, join(dir, 'basics/counter.redis')));
    expectRefused(graded, 'basics/counter', /hard link/);
    expect(graded.text).not.toContain('TEACHER-ONLY-ANSWER-KEY');
  });

  it('a link to another file inside the submission is an answer', async () => {
    const graded = await grade({ ...GREETING, 'drafts/counter.txt': 'INCR views:home\nINCR views:home\nINCR views:home\n' }, (dir) =>
      symlinkSync('../drafts/counter.txt', join(dir, 'basics/counter.redis')),
    );
    expect(graded.grade('basics/counter').status).toBe('passed');
  });

  it('an answer swapped for a link while grading (by an earlier program answer) is not followed', async () => {
    // basics/counter runs first; it replaces basics/greeting.redis with a link to /etc/passwd.
    const swap = 'rm -f basics/greeting.redis && ln -s /etc/passwd basics/greeting.redis\nredis-cli -u "$REDIS_URL" INCR views:home >/dev/null\n';
    const graded = await grade({ 'basics/counter.sh': swap, ...GREETING });
    expectRefused(graded, 'basics/greeting', /outside the submission|link/);
    expect(graded.text).not.toMatch(/root:/);
  });
});

describe('programs get a minimal environment', () => {
  const PRINT_ENV = { 'basics/counter.sh': 'env\necho "home=$HOME"\nredis-cli -u "$REDIS_URL" INCR views:home >/dev/null\n' };
  const teacherHome = mkdtempSync(join(scratch, 'teacher-home-'));
  const GRADER_ENV = { PATH: process.env.PATH ?? '', HOME: teacherHome, SECRET_TOKEN: 'tok-1234567890', CI_JOB_TOKEN: 'glcbt-secret', PYTHONPATH: '/opt/course' };

  it('the grader\'s secrets never reach a program (nor its report)', async () => {
    const graded = await grade(PRINT_ENV, undefined, { env: GRADER_ENV });
    const output = graded.grade('basics/counter').output?.text ?? '';
    // The private server's own password, random per run, is the program's to use (and only lets it into that server).
    const password = /^REDIS_PASSWORD=([0-9a-f]{32})$/m.exec(output)?.[1] ?? 'no REDIS_PASSWORD';
    expect(output).toMatch(new RegExp(`^REDIS_URL=redis://default:${password}@127\\.0\\.0\\.1:\\d+/0$`, 'm'));
    expect(output).toMatch(/^REDIS_DB=0$/m);
    expect(graded.text).not.toContain('tok-1234567890');
    expect(graded.text).not.toContain('glcbt-secret');
    expect(output).not.toMatch(/^PYTHONPATH=/m);
    expect(output).not.toContain(`home=${teacherHome}`);
  });

  it('a variable the teacher names with passEnv reaches the program; the others still do not', async () => {
    const graded = await grade(PRINT_ENV, undefined, { env: GRADER_ENV, passEnv: ['PYTHONPATH'] });
    const output = graded.grade('basics/counter').output?.text ?? '';
    expect(output).toMatch(/^PYTHONPATH=\/opt\/course$/m);
    expect(output).not.toContain('tok-1234567890');
  });

  it('HOME is a throwaway folder, removed after the program', async () => {
    const graded = await grade(PRINT_ENV, undefined, { env: GRADER_ENV });
    const home = /^home=(.*)$/m.exec(graded.grade('basics/counter').output?.text ?? '')?.[1] ?? '';
    expect(home).not.toBe('');
    expect(home).not.toBe(teacherHome);
    expect(existsSync(home)).toBe(false);
  });
});
