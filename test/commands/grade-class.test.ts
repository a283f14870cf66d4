import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradeReportSchema } from '../../src/results/report-model.js';
import { assertWellFormedXml } from '../grade/support/xml-well-formed.js';

/*
 * `grade --assignment` and class mode through the built bin, on real private
 * redis-servers: three students answer an assignment of three exercises of
 * the bundled course's first module; when each handed in comes from a git
 * commit (alice, carol) or the answer files' times (bob).
 */
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'redis-tutor.js');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-class-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', REDIS_TUTOR_HOME: join(scratch, 'home'), LANG: 'C.UTF-8' };

const HELLO_RIGHT = 'PING\nSET greeting "Hello, Redis!"\n';
const HELLO_WRONG = 'SET greeting "Hello"\n';
const SET_AND_GET_RIGHT = 'GET shop:name\nSET shop:name:backup "Corner Shop"\nSET shop:name "Redis Shop"\n';
/** Reads and renames but never backs up: 2 of its 3 checks pass. */
const SET_AND_GET_HALF = 'GET shop:name\nSET shop:name "Redis Shop"\n';
const DEL_RIGHT = 'EXISTS cart:guest:1 cart:guest:2 cart:guest:3\nDEL cart:guest:1 cart:guest:2 cart:guest:3\n';

/** Due 2025-03-14 20:59 UTC; a tenth of the points off per started day late. */
const ASSIGNMENT = [
  'title: Week 1 — first keys',
  'deadline: 2025-03-14T23:59:00+03:00',
  'late: { penalty: 0.1 }',
  'exercises:',
  '  - getting-started/hello-redis',
  '  - { id: set-and-get, points: 2, partial: true }',
  '  - { id: getting-started/del-and-exists, points: 3 }',
  '',
].join('\n');

function writeAnswers(dir: string, answers: Record<string, string>): void {
  for (const [name, text] of Object.entries(answers)) {
    mkdirSync(join(dir, 'getting-started'), { recursive: true });
    writeFileSync(join(dir, 'getting-started', name), text);
  }
}

/** A student's clone: their answers committed at `when` (the commit time is what counts). */
function gitStudent(dir: string, answers: Record<string, string>, when: string): void {
  writeAnswers(dir, answers);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Student', '-c', 'user.email=student@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: { PATH: env.PATH, HOME: scratch, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
      stdio: 'pipe',
    });
  git('init', '-q');
  git('add', '.');
  git('commit', '-q', '-m', 'homework');
}

/** A folder without git: the newest answer file's modification time counts. */
function fileStudent(dir: string, answers: Record<string, string>, when: string): void {
  writeAnswers(dir, answers);
  for (const name of Object.keys(answers)) utimesSync(join(dir, 'getting-started', name), new Date(when), new Date(when));
}

const classDir = join(scratch, 'class');
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'grade', 'class-grading.js'))) throw new Error('dist/ has no class grading: build first with `npm run build`.');
  writeFileSync(join(scratch, 'week1.yaml'), ASSIGNMENT);
  gitStudent(join(classDir, 'alice'), { 'hello-redis.redis': HELLO_RIGHT, 'set-and-get.redis': SET_AND_GET_RIGHT, 'del-and-exists.redis': DEL_RIGHT }, '2025-03-14T12:00:00Z');
  // 35 hours late: 2 started days, 20% off.
  fileStudent(join(classDir, 'bob'), { 'hello-redis.redis': HELLO_RIGHT, 'set-and-get.redis': SET_AND_GET_HALF }, '2025-03-16T08:00:00Z');
  // 13 hours late: 1 day, 10% off.
  gitStudent(join(classDir, 'carol'), { 'hello-redis.redis': HELLO_WRONG, 'del-and-exists.redis': DEL_RIGHT }, '2025-03-15T10:00:00Z');
  // Not students: a file beside the folders, and a hidden folder.
  writeFileSync(join(classDir, 'README.md'), 'the class\n');
  mkdirSync(join(classDir, '.cache'));
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tutor(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env, cwd: scratch, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ code, stdout, stderr });
    });
  });
}

const GRADEBOOK_CSV = [
  'student,getting-started/hello-redis,getting-started/set-and-get,getting-started/del-and-exists,total,late,status,passed,failed,missing',
  'alice,1,2,3,6,0,passed,3,0,0',
  // 1 + 2 × 2/3 = 2.33, less 20%: 1.86.
  'bob,1,1.33,0,1.86,2,failed,1,1,1',
  // 3, less 10%: 2.7.
  'carol,0,0,3,2.7,1,failed,1,1,1',
  '',
].join('\r\n');

const GRADEBOOK_MARKDOWN = [
  '# Week 1 — first keys',
  '',
  '3 students · 6 points possible · deadline 2025-03-14 20:59 UTC',
  '',
  '| Student | Points | Passed | Failed | Not submitted | Late | Status |',
  '| --- | ---: | ---: | ---: | ---: | --- | --- |',
  '| alice | 6/6 | 3 | 0 | 0 |  | passed |',
  '| bob | 1.86/6 | 1 | 1 | 1 | 2 days (−20%) | failed |',
  '| carol | 2.7/6 | 1 | 1 | 1 | 1 day (−10%) | failed |',
  '',
  '| Exercise | Points | Passed | Failed | Not submitted | Average |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  '| `getting-started/hello-redis` | 1 | 2 | 1 | 0 | 0.67 |',
  '| `getting-started/set-and-get` | 2 | 1 | 1 | 1 | 1.11 |',
  '| `getting-started/del-and-exists` | 3 | 2 | 0 | 1 | 2 |',
  '',
].join('\n');

describe('redis-tutor grade --class: one process grades a class', () => {
  let ran: Ran;
  const out = join(scratch, 'out');
  beforeAll(async () => {
    ran = await tutor(['grade', '--class', 'class', '--assignment', 'week1.yaml', '--output-dir', 'out', '--reporter', 'json,junit', '--jobs', '2']);
  }, 120_000);

  it('exits 0: every student was graded, whatever they scored', () => {
    expect(ran.code, ran.stderr).toBe(0);
  });

  it('writes the gradebook as CSV, exactly', () => {
    expect(readFileSync(join(out, 'gradebook.csv'), 'utf8')).toBe(GRADEBOOK_CSV);
  });

  it('writes the Markdown gradebook, and prints it', () => {
    expect(readFileSync(join(out, 'gradebook.md'), 'utf8')).toBe(GRADEBOOK_MARKDOWN);
    expect(ran.stdout).toBe(GRADEBOOK_MARKDOWN);
  });

  it('writes a report per student per reporter, and nothing for what is not a student', () => {
    expect(readdirSync(out).sort()).toEqual([
      'alice.feedback.md',
      'alice.json',
      'alice.xml',
      'bob.feedback.md',
      'bob.json',
      'bob.xml',
      'carol.feedback.md',
      'carol.json',
      'carol.xml',
      'class-summary.md',
      'gradebook.csv',
      'gradebook.md',
      'similar-answers.md',
    ]);
    const bob = GradeReportSchema.parse(JSON.parse(readFileSync(join(out, 'bob.json'), 'utf8')));
    expect(bob.submission).toBe('class/bob');
    expect(bob.assignment).toEqual({
      title: 'Week 1 — first keys',
      file: 'week1.yaml',
      deadline: '2025-03-14T20:59:00.000Z',
      submittedAt: { time: '2025-03-16T08:00:00.000Z', source: 'files' },
      late: { days: 2, accepted: true, penalty: 0.2 },
      points: { earned: 2.33, penalty: 0.47, total: 1.86, possible: 6 },
    });
    const carol = GradeReportSchema.parse(JSON.parse(readFileSync(join(out, 'carol.json'), 'utf8')));
    expect(carol.assignment?.submittedAt).toEqual({ time: '2025-03-15T10:00:00.000Z', source: 'git' });
    const junit = readFileSync(join(out, 'alice.xml'), 'utf8');
    assertWellFormedXml(junit);
    expect(junit).toContain('<testsuites name="redis-tutor grade: Week 1 — first keys (6/6 points)" tests="3" failures="0" errors="0" skipped="0"');
  });

  it('reports only the assignment: no other exercise of the course appears, not even as skipped', () => {
    const alice = GradeReportSchema.parse(JSON.parse(readFileSync(join(out, 'alice.json'), 'utf8')));
    expect(alice.modules.flatMap((module) => module.exercises.map((grade) => [grade.id, grade.status, grade.points?.earned]))).toEqual([
      ['getting-started/hello-redis', 'passed', 1],
      ['getting-started/set-and-get', 'passed', 2],
      ['getting-started/del-and-exists', 'passed', 3],
    ]);
    expect(alice.score).toEqual({ passed: 3, failed: 0, notSubmitted: 0, skipped: 0, total: 3 });
  });

  it('says on stderr as each student is graded', () => {
    expect(ran.stderr.split('\n').filter((line) => line !== '').sort()).toEqual([
      expect.stringMatching(/^alice: 6\/6 points, passed \(\d+ ms\)$/),
      expect.stringMatching(/^bob: 1\.86\/6 points, failed \(\d+ ms\)$/),
      expect.stringMatching(/^carol: 2\.7\/6 points, failed \(\d+ ms\)$/),
    ]);
  });
});

describe('redis-tutor grade with several folders', () => {
  it('grades each as a student; one that cannot be graded is a row with its reason, and exit 1', async () => {
    const result = await tutor(['grade', 'class/alice', 'class/bob', 'class/dora', '--assignment', 'week1.yaml', '--submitted-at', '2025-03-14T20:00:00Z']);
    expect(result.code).toBe(1);
    // --submitted-at is everyone's submission time: nobody is late.
    expect(result.stdout).toContain('| alice | 6/6 | 3 | 0 | 0 |  | passed |\n| bob | 2.33/6 | 1 | 1 | 1 |  | failed |\n| dora | — |  |  |  |  | error |');
    expect(result.stdout).toContain('## Not graded\n\n- **dora**: cannot read the submission folder');
    expect(result.stderr).toMatch(/^dora: not graded — cannot read the submission folder .*dora: it does not exist\.$/m);
  });

  it.each([
    ['--class with folders', ['grade', '--class', 'class', 'class/alice'], /give either --class DIR or the submission folders/],
    ['--output for a class', ['grade', 'class/alice', 'class/bob', '--output', 'x.json'], /--output-dir DIR/],
    ['an unknown reporter in the list', ['grade', '--class', 'class', '--reporter', 'json,xml'], /unknown reporter "xml"/],
    ['two folders with one name', ['grade', 'class/alice', 'other/alice'], /class\/alice and other\/alice would both be the student "alice"/],
    ['an empty class', ['grade', '--class', 'empty'], /the class folder empty holds no submission folders/],
    ['a class folder that is not there', ['grade', '--class', 'no-such-class'], /cannot read the class folder no-such-class/],
    ['--assignment with --module', ['grade', 'class/alice', '--assignment', 'week1.yaml', '--module', 'strings'], /--module and --exercise do not go with it/],
    ['a bad --submitted-at', ['grade', 'class/alice', '--assignment', 'week1.yaml', '--submitted-at', 'yesterday'], /--submitted-at must be an ISO date-time/],
    ['no folder at all', ['grade'], /no submission folder given/],
  ])('%s is a usage error (exit 2)', async (_name, args, message) => {
    mkdirSync(join(scratch, 'other', 'alice'), { recursive: true });
    mkdirSync(join(scratch, 'empty'), { recursive: true });
    const result = await tutor(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('redis-tutor grade --assignment: one submission', () => {
  it('grades only the assignment, for points; exit 0 when all of it passed', async () => {
    const result = await tutor(['grade', 'class/alice', '--assignment', 'week1.yaml', '--reporter', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const report = GradeReportSchema.parse(JSON.parse(result.stdout));
    expect(report.schemaVersion).toBe(2);
    expect(report.assignment?.points).toEqual({ earned: 6, penalty: 0, total: 6, possible: 6 });
    expect(report.assignment?.submittedAt).toEqual({ time: '2025-03-14T12:00:00.000Z', source: 'git' });
    expect(report.assignment?.late).toBeUndefined();
  });

  it('exit 1 when something of it is missing or failed; the pretty report shows points and lateness', async () => {
    const result = await tutor(['grade', 'class/bob', '--assignment', 'week1.yaml']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Assignment: Week 1 — first keys (week1.yaml); deadline 2025-03-14 20:59 UTC, submitted 2025-03-16 08:00 UTC (newest answer file), 2 days late: −20%');
    expect(result.stdout).toContain('  ✗ set-and-get — Reading and writing a key · 1.33/2 points  (getting-started/set-and-get.redis)');
    expect(result.stdout).toContain('  · del-and-exists — Checking and deleting keys · 0/3 points  not submitted');
    expect(result.stdout).toMatch(/^Score: 1\/3 — 1 failed, 1 not submitted \(\d+,?\.?\d* s\)\nPoints: 1\.86\/6 \(2\.33 − 0\.47 for lateness\)\n$/m);
  });

  it('TAP shows each exercise\'s points without the rest of the course', async () => {
    const result = await tutor(['grade', 'class/carol', '--assignment', 'week1.yaml', '--reporter', 'tap']);
    expect(result.stdout).toMatch(/^TAP version 14\n1\.\.3\nnot ok 1 - getting-started\/hello-redis\n/);
    expect(result.stdout).toContain('ok 3 - getting-started/del-and-exists\n# 3/3 points\n');
    expect(result.stdout).toMatch(/# Points: 2\.7\/6\n$/);
  });
});
