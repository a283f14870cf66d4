import { hiddenChecksText } from '../course/hidden-checks-text.js';
import { UserError } from '../errors.js';
import { studentView } from '../results/hidden-checks.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';

/** `grade --hidden-checks`: `full` (the teacher's view, the default) or `counted` (what a student may read). */
export const HIDDEN_CHECKS_MODES = ['full', 'counted'] as const;
export type HiddenChecksMode = (typeof HIDDEN_CHECKS_MODES)[number];

export function parseHiddenChecksMode(value: unknown): HiddenChecksMode {
  if (value === undefined) return 'full';
  if (value === 'full' || value === 'counted') return value;
  throw new UserError(`--hidden-checks must be full or counted, not ${JSON.stringify(value)}.`, 'Use --hidden-checks counted where students read the report (their CI log), full (the default) for yourself.');
}

/**
 * The report as a student may read it, for `grade --hidden-checks counted`
 * where the report is theirs (GitHub Classroom runs grade in the student's
 * repository, and they read its log): each exercise's hidden checks become
 * one line of totals, `2 hidden checks: 1 pass`, with no description,
 * expected or found value. Scores and points are untouched: they were
 * counted on every check before. Pure.
 */
export function countHiddenChecks(report: GradeReport): GradeReport {
  return {
    ...report,
    modules: report.modules.map((module) => ({ ...module, exercises: module.exercises.map(countInExercise) })),
  };
}

function countInExercise(grade: ExerciseGrade): ExerciseGrade {
  const { visible, hidden } = studentView(grade.checks);
  if (!hidden) return grade;
  const first = grade.checks.find((check) => check.hidden === true);
  const totals = {
    index: first?.index ?? grade.checks.length,
    hidden: true,
    description: { en: hiddenChecksText(hidden.total, hidden.passed, 'en'), ru: hiddenChecksText(hidden.total, hidden.passed, 'ru') },
    passed: hidden.passed === hidden.total,
  };
  return { ...grade, checks: [...visible, totals] };
}
