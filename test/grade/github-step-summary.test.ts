import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
