import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { reasonsOf, renderValidateReport, reportHolds, type ValidateReport } from '../../src/validate/render-validate.js';
import { connectMiniLearner } from '../engine/support/mini-learner.js';

const courseDir = join(import.meta.dirname, '../fixtures/engine-validate');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-validate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('validate --solutions on a fixture course', () => {
  let report: ValidateReport;

  it('runs every exercise', async () => {
    report = await runValidate({
      dir: courseDir,
      solutions: true,
      env: { PATH: process.env.PATH ?? '' },
      ownershipFile: join(scratch, 'claims.json'),
      connectLearner: connectMiniLearner,
    });
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.solutions?.map(({ result }) => [result.id, result.status])).toEqual([
      ['basics/good', 'passed'],
      ['basics/already-passing', 'failed'],
      ['basics/wrong-solution', 'failed'],
    ]);
  });

  it('says why each bad exercise fails', () => {
    const [, already, wrong] = report.solutions ?? [];
    expect(already && reasonsOf(already.result)).toEqual([expect.stringMatching(/already pass after setup alone/)]);
    expect(wrong && reasonsOf(wrong.result)).toEqual([expect.stringMatching(/after the solution: check 1 "queue holds a b c" fails: expected \["a", "b", "c"\], found \["a", "b"\]/)]);
  });

  it('renders per-exercise lines and the summary, and does not hold', () => {
    const text = renderValidateReport(report, courseDir);
    expect(text).toMatch(/^ok {3}basics\/good \(\d+ ms\)$/m);
    expect(text).toMatch(/^FAIL basics\/wrong-solution/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 exercises: 1 passed, 2 failed');
    expect(reportHolds(report)).toBe(false);
  });
});

describe('renderValidateReport', () => {
  const exercise = { id: 'm/a', file: '/c/01-m/01-a.yaml' };
  it('counts an exercise with a lint error as failed and an unloaded broken file too', () => {
    const report: ValidateReport = {
      exercises: [exercise, { id: 'm/b', file: '/c/01-m/02-b.yaml' }],
      problems: [
        { severity: 'error', code: 'schema', file: '/c/01-m/01-a.yaml', line: 3, column: 1, message: 'bad' },
        { severity: 'error', code: 'yaml-syntax', file: '/c/01-m/03-c.yaml', message: 'broken' },
        { severity: 'warning', code: 'missing-translation', file: '/c/01-m/02-b.yaml', message: 'no ru' },
      ],
    };
    const text = renderValidateReport(report, '/c');
    expect(text).toContain('01-m/01-a.yaml:3:1: bad');
    expect(text.trimEnd().split('\n').at(-1)).toBe('3 exercises: 1 passed, 2 failed');
    expect(reportHolds(report)).toBe(false);
  });

  it('holds when everything passed; skipped exercises are listed apart', () => {
    const report: ValidateReport = {
      exercises: [exercise, { id: 'm/b', file: '/c/01-m/02-b.yaml' }],
      problems: [],
      solutions: [
        { file: exercise.file, result: { id: 'm/a', exercise: 'a', title: { en: 'A', ru: 'A' }, status: 'passed', checks: [], timings: { answerMs: 1, checksMs: 1, totalMs: 12 } } },
        {
          file: '/c/01-m/02-b.yaml',
          result: { id: 'm/b', exercise: 'b', title: { en: 'B', ru: 'B' }, status: 'skipped', skipReason: 'needs a server redis-tutor starts itself (not with --url)', checks: [] },
        },
      ],
    };
    const text = renderValidateReport(report, '/c');
    expect(text).toContain('skip m/b');
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['1 skipped', '1 exercises: 1 passed, 0 failed']);
    expect(reportHolds(report)).toBe(true);
  });
});
