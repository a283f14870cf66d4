import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { bundledCourseDir, loadCourse } from '../../src/course/load.js';
import { hasNeeds, serverNeeds } from '../../src/course/requirement-fit.js';
import type { Course } from '../../src/course/schema.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { gradeSubmission } from '../../src/grade/grade-submission.js';
import { writeReferenceSubmission } from '../../src/grade/reference-submission.js';
import { reasonsOf } from '../../src/validate/render-validate.js';
import { pathWithRedisPy } from '../support/python-with-redis.js';

/** The exercise (or its module) says what a server needs to run it (`requires`). */
function declaresNeeds(course: Course, id: string): boolean {
  for (const module of course.modules) {
    const exercise = module.exercises.find((candidate) => candidate.id === id);
    if (exercise) return hasNeeds(serverNeeds(module, exercise));
  }
  return false;
}

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-reference-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Every reference solution of the bundled course, submitted as a student
 * would: graded fast, and with the verdicts validate --solutions gives
 * (the same engine; an exercise still being fixed fails in both).
 */
describe('grading the reference solutions of the bundled course', () => {
  let course: Course;
  let validated: Map<string, string>;
  let validateReport: Awaited<ReturnType<typeof runValidate>>;
  const submission = join(scratch, 'submission');

  beforeAll(async () => {
    course = (await loadCourse(bundledCourseDir())).course;
    await writeReferenceSubmission(course, submission);
    // Program exercises run their Python solutions too: a python3 with redis-py.
    validateReport = await runValidate({ dir: bundledCourseDir(), solutions: true, env: { PATH: pathWithRedisPy() }, ownershipFile: join(scratch, 'validate-claims.json'), connectLearner: connectRespLearner, handleSignals: false });
    validated = new Map((validateReport.solutions ?? []).map(({ result }) => [result.id, result.status]));
  }, 600_000);

  it('holds under validate --solutions: every exercise fails after setup, passes after its solution, and resets clean', () => {
    const solutions = validateReport.solutions ?? [];
    // One result per exercise, and one more per language of a program exercise.
    expect(new Set(solutions.map(({ result }) => result.id)).size).toBe(course.modules.flatMap((module) => module.exercises).length);
    expect(solutions.filter(({ result }) => result.status !== 'passed' && result.status !== 'skipped').map(({ result }) => [result.id, reasonsOf(result)])).toEqual([]);
    // Skipped only where the exercise declares what this server lacks (a newer Redis), never otherwise.
    const skipped = solutions.filter(({ result }) => result.status === 'skipped').map(({ result }) => result.id);
    expect(skipped.filter((id) => !declaresNeeds(course, id))).toEqual([]);
  });

  // The time it takes is a figure in `npm run bench`, not an assertion: CI machines are shared and noisy.
  it.each([1, 2])('passes every exercise with --jobs %i, as validate --solutions does', async (jobs) => {
    const report = await gradeSubmission({
      course,
      submissionDir: submission,
      submissionLabel: 'reference',
      timeoutMs: 10_000,
      jobs,
      env: { PATH: process.env.PATH ?? '' },
      connectLearner: connectRespLearner,
      handleSignals: false,
    });
    const grades = report.modules.flatMap((module) => module.exercises);
    expect(grades).toHaveLength(validated.size);
    // What validate passes, grade passes; what grade fails, validate fails too (validate has rules of its own besides).
    const disagreements = grades.filter((grade) => (validated.get(grade.id) === 'passed') !== (grade.status === 'passed') && !(grade.status === 'passed' && validated.get(grade.id) === 'failed'));
    expect(disagreements.map((grade) => [grade.id, grade.status, validated.get(grade.id)])).toEqual([]);
    expect(grades.filter((grade) => grade.status !== 'passed' && grade.status !== 'skipped').map((grade) => grade.id)).toEqual([]);
    expect(grades.filter((grade) => grade.status === 'skipped').map((grade) => grade.id)).toEqual([...validated].filter(([, status]) => status === 'skipped').map(([id]) => id));
    expect(report.unmatched).toEqual([]);
  });
});
