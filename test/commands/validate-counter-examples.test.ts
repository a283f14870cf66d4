import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { renderValidateReport, reportHolds, validationReasons, type ValidateReport } from '../../src/validate/render-validate.js';
import { connectMiniLearner } from '../engine/support/mini-learner.js';

const courseDir = join(import.meta.dirname, '../fixtures/course-counter-examples');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-counter-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('validate --solutions with counter-examples', () => {
  let report: ValidateReport;

  it('runs the reference solution and then each counter-example of an exercise', async () => {
    report = await runValidate({
      dir: courseDir,
      solutions: true,
      env: { PATH: process.env.PATH ?? '' },
      ownershipFile: join(scratch, 'claims.json'),
      connectLearner: connectMiniLearner,
    });
    // The unclosed quote is caught without a server too, like a reference solution's.
    expect(report.problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.line, problem.message])).toEqual([
      [17, 'counterExamples[1].solution: redis-cli cannot parse "SET greeting \\"hello" — check the quotes and escapes'],
    ]);
    expect(report.solutions?.map(({ result, counterExample }) => [result.id, counterExample?.index ?? 'solution', result.status])).toEqual([
      ['caching/cache-page', 'solution', 'passed'],
      ['caching/cache-page', 0, 'passed'],
      ['caching/cache-page', 1, 'failed'],
      ['caching/count-views', 'solution', 'passed'],
      ['caching/count-views', 0, 'passed'],
      ['caching/not-an-answer', 'solution', 'passed'],
      ['caching/not-an-answer', 0, 'failed'],
      ['caching/not-an-answer', 1, 'failed'],
    ]);
  });

  it('a counter-example that fails a check holds, and keeps the checks that caught it', () => {
    const caught = report.solutions?.[1];
    expect(caught?.result.checks.map((check) => check.passed)).toContain(false);
    expect(caught && validationReasons(caught)).toEqual([]);
    expect(caught?.result.answer).toEqual({ path: 'counterExamples[0].solution', kind: 'redis' });
  });

  it('a counter-example that passes every check is a problem naming it and its why', () => {
    const passing = report.solutions?.[2];
    expect(passing?.result.checks.every((check) => check.passed)).toBe(true);
    expect(passing?.counterExample?.why.ru).toBe('SET, а потом EXPIRE — есть момент без TTL');
    expect(passing && validationReasons(passing)).toEqual([
      'counter-example 2 (line 15) passes every check, yet it is wrong: SET then EXPIRE leaves a moment with no TTL — add or tighten a check that catches it',
    ]);
  });

  it('a counter-example no learner could type (unknown command, unclosed quote) is a problem, though it fails the checks', () => {
    const [typo, unclosed] = report.solutions?.slice(6) ?? [];
    expect(typo && validationReasons(typo)).toEqual([expect.stringMatching(/^counter-example 1 \(line 12\), line 14 "SETT greeting hello": ERR unknown command 'SETT'.* — a counter-example must be an answer a learner could type$/)]);
    expect(unclosed && validationReasons(unclosed)).toEqual([expect.stringMatching(/^counter-example 2 \(line 15\), line 17 "SET greeting "hello": .* — a counter-example must be an answer a learner could type$/)]);
  });

  it('renders a line per counter-example and fails the exercise whose counter-example passes', () => {
    const text = renderValidateReport(report, courseDir);
    expect(text).toMatch(/^ok {3}caching\/cache-page counter-example 1 \(\d+ ms\)$/m);
    expect(text).toMatch(/^FAIL caching\/cache-page counter-example 2 \(\d+ ms\)$/m);
    expect(text).toMatch(/^ {7}counter-example 2 \(line 15\) passes every check, yet it is wrong: SET then EXPIRE .* \[01-caching\/01-cache-page\.yaml\]$/m);
    expect(text).toMatch(/^ok {3}caching\/count-views counter-example 1 \(\d+ ms\)$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 exercises: 1 passed, 2 failed');
    expect(reportHolds(report)).toBe(false);
  });
});
