import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GradeReportSchema } from '../../src/results/report-model.js';
import { runProgram } from '../../src/program.js';
import { renderError } from '../../src/render-error.js';
import { writeSubmission, type SubmissionFile } from '../grade/support/grade-fixture.js';
import { assertWellFormedXml } from '../grade/support/xml-well-formed.js';
import { captureIo } from '../support/capture-io.js';

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-command-'));
const written: string[] = [];
afterAll(() => {
  for (const dir of [scratch, ...written]) rmSync(dir, { recursive: true, force: true });
});

/** Runs `redis-tutor grade` in-process as main() would: a thrown error becomes its rendered text and exit code. */
async function grade(args: string[], files: Record<string, SubmissionFile> = {}, env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '' }) {
  const dir = writeSubmission(files);
  written.push(dir);
  const io = captureIo({ env, cwd: dir });
  let code: number;
  try {
    code = await runProgram(['grade', ...args], io);
  } catch (error) {
    const rendered = renderError(error);
    io.stderr.write(rendered.text);
    code = rendered.exitCode;
  }
  return { code, stdout: io.stdoutText(), stderr: io.stderrText(), dir };
}

// Answers to the bundled course's first module.
const RIGHT = { 'getting-started/hello-redis.redis': 'PING\nSET greeting "Hello, Redis!"\n' };
const WRONG = { 'getting-started/hello-redis.redis': 'SET greeting "Hello"\n' };
const ONE = ['--exercise', 'getting-started/hello-redis'];

describe('redis-tutor grade: exit codes', () => {
  it.each([
    ['0 when every graded exercise passed', ['.', ...ONE], RIGHT, 0],
    ['1 when an exercise failed', ['.', ...ONE], WRONG, 1],
    ['1 when nothing was submitted (nothing graded cannot pass)', ['.', ...ONE], {}, 1],
    ['0 when the graded ones passed and others were not submitted', ['.', '--module', 'getting-started'], RIGHT, 0],
    ['2 for a folder that does not exist', ['no-such-folder'], {}, 2],
    ['2 for an unknown reporter', ['.', '--reporter', 'xml'], RIGHT, 2],
    ['2 for a bad --timeout', ['.', '--timeout', 'soon'], RIGHT, 2],
    ['2 for --jobs 0', ['.', '--jobs', '0'], RIGHT, 2],
    ['2 for an unknown --exercise', ['.', '--exercise', 'helo-redis'], RIGHT, 2],
    ['2 for an unknown option', ['.', '--bogus'], RIGHT, 2],
  ])('%s', async (_name, args, files, expected) => {
    const result = await grade(args, files);
    expect(result.code).toBe(expected);
    if (expected === 2) expect(result.stderr).toMatch(/^(redis-tutor: |error: )/m);
  });

  it('2 when there is no Redis to grade on', async () => {
    const result = await grade(['.', ...ONE], RIGHT, { PATH: '/nonexistent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/redis-server/);
  });
});

describe('redis-tutor grade: reports', () => {
  it('prints the pretty report by default, without colours off a terminal', async () => {
    const result = await grade(['.', ...ONE], WRONG);
    expect(result.stdout).toMatch(/^Grading \. on private redis-server/);
    expect(result.stdout).toMatch(/✗ hello-redis — /);
    expect(result.stdout).toMatch(/expected: /);
    expect(result.stdout).toMatch(/Score: 0\/1/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('speaks Russian with --lang ru', async () => {
    const result = await grade(['.', ...ONE, '--lang', 'ru'], WRONG);
    expect(result.stdout).toMatch(/^Проверка \./);
    expect(result.stdout).toMatch(/ожидалось: /);
    expect(result.stdout).toMatch(/Итог: 0\/1/);
  });

  it('--reporter json prints a report of the documented schema', async () => {
    const result = await grade(['.', ...ONE, '--reporter', 'json'], RIGHT);
    const report = GradeReportSchema.parse(JSON.parse(result.stdout));
    expect(report.score).toMatchObject({ passed: 1, total: 1 });
  });

  it('--output writes the report to the file and still prints the pretty one', async () => {
    const file = join(scratch, 'grade.xml');
    const result = await grade(['.', ...ONE, '--reporter', 'junit', '--output', file], WRONG);
    expect(result.code).toBe(1);
    const xml = readFileSync(file, 'utf8');
    assertWellFormedXml(xml);
    expect(xml).toMatch(/<testcase name="hello-redis" classname="getting-started" file="getting-started\/hello-redis\.redis"/);
    expect(result.stdout).toMatch(/Score: 0\/1/);
  });

  it.each([
    ['tap', /^TAP version 14\n1\.\.1\nnot ok 1 - getting-started\/hello-redis$/m],
    ['github', /^::error file=getting-started\/hello-redis\.redis,title=getting-started\/hello-redis%3A /m],
  ])('--reporter %s', async (reporter, pattern) => {
    const result = await grade(['.', ...ONE, '--reporter', reporter], WRONG);
    expect(result.stdout).toMatch(pattern);
  });

  it('an unwritable --output is an environment error', async () => {
    const result = await grade(['.', ...ONE, '--output', join(scratch, 'missing-folder', 'report.json')], RIGHT);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot write the report/);
  });
});
