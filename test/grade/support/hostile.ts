import { expect } from 'vitest';
import type { ExerciseGrade } from '../../../src/results/report-model.js';
import { gradeFiles, type Graded, type SubmissionFile } from './grade-fixture.js';

/** Answers graded right after the hostile one: one right, one wrong, so both verdicts are seen to stay correct. */
export const NEXT_ANSWERS: Record<string, string> = {
  'basics/greeting.redis': 'SET greeting hello\n',
  'extra/list.redis': 'RPUSH jobs a b\n',
};

export interface HostileCase {
  name: string;
  /** The hostile answer to basics/counter, by file name. */
  files: Record<string, SubmissionFile>;
  timeoutSeconds: number;
  /** Variables the answer reads (passed to it as with --pass-env). */
  env?: Record<string, string>;
  /** What the grader concluded about the hostile answer itself. */
  expectHostile(grade: ExerciseGrade): void;
  /** What must hold afterwards on the machine (no process left, no file written). */
  afterwards?: () => Promise<void> | void;
}

/**
 * Grades the hostile answer followed by the next answers, then checks the
 * two promises the grader makes about untrusted input: the hostile answer is
 * stopped (its verdict says by what: the timeout, a limit, a stopped server),
 * and the next exercises' verdicts are unaffected. Grading that never ends
 * fails the test at its deadline.
 */
export async function gradeHostile(hostile: HostileCase): Promise<Graded> {
  const graded = await gradeFiles(
    { ...hostile.files, ...NEXT_ANSWERS },
    { timeoutMs: hostile.timeoutSeconds * 1000, env: { PATH: process.env.PATH ?? '', ...hostile.env }, passEnv: Object.keys(hostile.env ?? {}) },
  );
  hostile.expectHostile(graded.grade('basics/counter'));
  expect(graded.grade('basics/greeting')).toMatchObject({ status: 'passed' });
  expect(graded.grade('basics/greeting').problem).toBeUndefined();
  const list = graded.grade('extra/list');
  expect(list.status).toBe('failed');
  expect(list.problem).toBeUndefined();
  expect(list.checks.find((check) => !check.passed)).toMatchObject({ expected: { en: '["a", "b", "c"]' }, found: { en: '["a", "b"]' } });
  await hostile.afterwards?.();
  return graded;
}

export function expectTimeout(line?: number) {
  return (grade: ExerciseGrade) => {
    expect(grade.status).toBe('failed');
    expect(grade.problem).toMatchObject({ code: 'timeout', ...(line !== undefined ? { line } : {}) });
  };
}
