import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { reasonsOf, renderValidateReport, reportHolds, type ValidateReport } from '../../src/validate/render-validate.js';
import type { SolutionValidation } from '../../src/validate/validate-solutions.js';
import { pathWithRedisPy } from '../support/python-with-redis.js';

/*
 * validate --solutions on program exercises, with real interpreters: python3
 * with redis-py and this Node with ioredis run each starter and solution
 * against a clean sandbox of a real redis-server.
 */
const courseDir = join(import.meta.dirname, '../fixtures/course-programs');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-validate-programs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let report: ValidateReport;
beforeAll(async () => {
  report = await runValidate({
    dir: courseDir,
    solutions: true,
    env: { PATH: pathWithRedisPy() },
    ownershipFile: join(scratch, 'claims.json'),
    handleSignals: false,
  });
}, 120_000);

const find = (id: string, language?: string): SolutionValidation | undefined =>
  report.solutions?.find((entry) => entry.result.id === id && entry.language === language);

describe('validate --solutions: program exercises, fails before and passes after', () => {
  it('gives each exercise its redis-cli result (when it has a redis-cli solution) and one per language, in course order', () => {
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.solutions?.map(({ result, language }) => [result.id, language ?? 'redis-cli', result.status])).toEqual([
      ['basics/counter', 'python', 'passed'],
      ['basics/counter', 'javascript', 'passed'],
      ['basics/bad-pairs', 'redis-cli', 'passed'],
      ['basics/bad-pairs', 'python', 'failed'],
      ['basics/bad-pairs', 'javascript', 'failed'],
      ['basics/typed', 'redis-cli', 'passed'],
    ]);
  });

  it('runs the solutions as programs: their commands are recorded and their checks pass', () => {
    for (const language of ['python', 'javascript']) {
      const result = find('basics/counter', language)?.result;
      expect(result?.answer).toEqual({ path: `programs/counter/solution.${language === 'python' ? 'py' : 'mjs'}`, kind: 'program' });
      expect(result?.checks.map((check) => check.passed)).toEqual([true, true, true]);
      expect(result?.findings).toBeUndefined();
      // A passing solution's output stays out of the report.
      expect(result?.output).toBeUndefined();
    }
  });

  it('fails a starter that already passes', () => {
    const python = find('basics/bad-pairs', 'python')?.result;
    expect(python && reasonsOf(python)).toEqual(['the starter (programs/bad-pairs/starter.py) already passes the checks (the learner would be done before starting)']);
  });

  it('fails a starter that does not run to its end, and a solution that misses a check, with its output', () => {
    const javascript = find('basics/bad-pairs', 'javascript')?.result;
    expect(javascript && reasonsOf(javascript)).toEqual([
      expect.stringMatching(/^the starter \(programs\/bad-pairs\/starter\.mjs\) must run to its end and fail only on the checks, but the program exited with code 1 — its last line: /),
      'after the solution: check 1 "greeting is hello" fails: expected "hello", found "goodbye"',
    ]);
  });

  it('renders a line per language and counts an exercise once, failed when one of its languages fails', () => {
    const text = renderValidateReport(report, courseDir);
    expect(text).not.toMatch(/^ok {3}basics\/counter \(/m);
    expect(text).toMatch(/^ok {3}basics\/counter python \(\d+ ms\)$/m);
    expect(text).toMatch(/^ok {3}basics\/counter javascript \(\d+ ms\)$/m);
    expect(text).toMatch(/^FAIL basics\/bad-pairs javascript \(\d+ ms\)$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 exercises: 2 passed, 1 failed');
    expect(reportHolds(report)).toBe(false);
  });
});
