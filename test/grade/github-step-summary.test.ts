import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { writeSubmission } from './support/grade-fixture.js';

/*
 * `grade --reporter github` on a real grader, as in a GitHub Actions step:
 * the annotations carry the line of the .redis answer that got an error,
 * several answers to one exercise annotate each file, and the job summary
 * is appended to the file GITHUB_STEP_SUMMARY names.
 */
const COURSE = resolve(import.meta.dirname, '../fixtures/course-leaderboard');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-step-summary-'));
const written: string[] = [];
afterAll(() => {
  for (const dir of [scratch, ...written]) rmSync(dir, { recursive: true, force: true });
});

const ANSWERS = {
  // Line 2 puts the member before the score: an error reply redis-cli would print and go on.
  'leaderboard/top-scores.redis': 'ZADD game:scores 30 ann\nZADD game:scores bob 20\nZADD game:scores 10 cy\n',
  'leaderboard/bonus.redis': 'ZINCRBY game:scores 15 bob\n',
  'leaderboard/bonus.py': 'print("also an answer")\n',
};

async function gradeOnGithub(summaryFile: string) {
  const dir = writeSubmission(ANSWERS);
  written.push(dir);
  const io = captureIo({ env: { PATH: process.env.PATH ?? '', GITHUB_STEP_SUMMARY: summaryFile }, cwd: dir });
  const code = await runProgram(['grade', '.', '--course', COURSE, '--reporter', 'github'], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('grade --reporter github on GitHub Actions', () => {
  const summary = join(scratch, 'summary.md');
  let first: Awaited<ReturnType<typeof gradeOnGithub>>;

  it('annotates the failing line of a .redis answer', async () => {
    first = await gradeOnGithub(summary);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^::error file=leaderboard\/top-scores\.redis,line=2,title=leaderboard\/top-scores%3A /m);
  });

  it('annotates each file of several answers to one exercise', () => {
    const files = first.stdout.split('\n').flatMap((line) => /^::error file=([^,]*),title=leaderboard\/bonus%3A more than one file/.exec(line)?.slice(1) ?? []);
    expect(files).toEqual(['leaderboard/bonus.py', 'leaderboard/bonus.redis']);
  });

  it('appends a Markdown table to the job summary, once per run', async () => {
    const table = readFileSync(summary, 'utf8');
    expect(table).toMatch(/^### Score: 0\/2 — \.\n/);
    expect(table).toContain('| leaderboard | top-scores — Record the scores | ❌ failed | 1/2 |');
    expect(table).toContain('| leaderboard | bonus — A bonus for bob | ❌ failed | — |');
    await gradeOnGithub(summary);
    const both = readFileSync(summary, 'utf8');
    expect(both.startsWith(table)).toBe(true);
    expect(both.match(/^### Score: 0\/2/gm)).toHaveLength(2);
  });

  it('a summary file that cannot be written is a warning, not a different result', async () => {
    const run = await gradeOnGithub(join(scratch, 'no-such-folder', 'summary.md'));
    expect(run.stderr).toMatch(/^warning: the job summary was not written to .*no-such-folder\/summary\.md \(GITHUB_STEP_SUMMARY\): ENOENT/);
    expect(run.code).toBe(1);
  });
});

/*
 * With an assignment, the summary has the points: the total beside the
 * score and each exercise's in a last column; class mode puts the
 * gradebook (each student's points, each exercise's points and average)
 * in the job summary, the same text as gradebook.md.
 */
describe('the job summary with points', () => {
  const assignment = join(scratch, 'week.yaml');
  writeFileSync(assignment, ['title: Week 1', 'exercises:', '  - { id: top-scores, points: 2, partial: true }', '  - { id: bonus, points: 3 }', ''].join('\n'));

  it('one submission: the points total and each exercise\'s', async () => {
    const summary = join(scratch, 'points.md');
    const dir = writeSubmission({ 'leaderboard/top-scores.redis': ANSWERS['leaderboard/top-scores.redis'], 'leaderboard/bonus.redis': ANSWERS['leaderboard/bonus.redis'] });
    written.push(dir);
    const io = captureIo({ env: { PATH: process.env.PATH ?? '', GITHUB_STEP_SUMMARY: summary }, cwd: dir });
    const code = await runProgram(['grade', '.', '--course', COURSE, '--assignment', assignment, '--submitted-at', '2025-01-01T00:00Z'], io);
    expect(code).toBe(1);
    const table = readFileSync(summary, 'utf8');
    // top-scores: 1 of 2 checks, partial credit: 1 of 2 points; bonus: all 3.
    expect(table).toMatch(/^### Points: 4\/5 · Score: 1\/2 — \.\n/);
    expect(table).toContain('| Module | Exercise | Status | Checks passed | Points |');
    expect(table).toContain('| leaderboard | top-scores — Record the scores | ❌ failed | 1/2 | 1/2 |');
    expect(table).toContain('| leaderboard | bonus — A bonus for bob | ✅ passed | 2/2 | 3/3 |');
  });

  it('class mode: the gradebook, as gradebook.md has it', async () => {
    const summary = join(scratch, 'class.md');
    const ann = writeSubmission({ 'leaderboard/top-scores.redis': 'ZADD game:scores 30 ann 20 bob 10 cy\n', 'leaderboard/bonus.redis': 'ZINCRBY game:scores 15 bob\n' });
    const bob = writeSubmission({ 'leaderboard/bonus.redis': 'ZINCRBY game:scores 15 bob\n' });
    written.push(ann, bob);
    const out = join(scratch, 'class-out');
    const io = captureIo({ env: { PATH: process.env.PATH ?? '', GITHUB_STEP_SUMMARY: summary }, cwd: scratch });
    const code = await runProgram(['grade', ann, bob, '--course', COURSE, '--assignment', assignment, '--submitted-at', '2025-01-01T00:00Z', '--output-dir', out], io);
    expect(code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toBe(`${readFileSync(join(out, 'gradebook.md'), 'utf8')}\n`);
    const name = (dir: string) => dir.split('/').pop() ?? '';
    expect(text).toMatch(new RegExp(`^\\| ${name(ann).replace(/[-_]/g, '\\\\?$&')} \\| 5/5 \\|`, 'm'));
    expect(text).toMatch(new RegExp(`^\\| ${name(bob).replace(/[-_]/g, '\\\\?$&')} \\| 3/5 \\|`, 'm'));
    expect(text).toContain('| `leaderboard/top-scores` | 2 | 1 | 0 | 1 | 1 |');
    expect(text).toContain('| `leaderboard/bonus` | 3 | 2 | 0 | 0 | 3 |');
  });
});
