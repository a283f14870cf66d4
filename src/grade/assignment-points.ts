import type { AssignedExercise, Assignment, LatePolicy } from './assignment.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';
import type { AssignmentPoints, ExercisePoints, Lateness, SubmittedAt } from '../results/points-model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Points are shown with at most two decimals; sums of thirds must not print as 0.30000000000000004. */
export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * The points of one graded exercise: all for a pass, none when not
 * submitted, skipped or failed — unless partial credit is on, when a failed
 * exercise earns its share of passed checks. A problem besides the checks
 * (a non-zero exit code; a timeout, after which no check ran) counts as one
 * more check that failed, so a failed exercise never earns full points.
 */
export function exercisePoints(grade: Pick<ExerciseGrade, 'status' | 'checks' | 'problem'>, rule: Pick<AssignedExercise, 'points' | 'partial' | 'checkCount'>): ExercisePoints {
  const possible = rule.points;
  if (grade.status === 'passed') return { earned: possible, possible };
  if (grade.status !== 'failed' || !rule.partial) return { earned: 0, possible };
  const passed = grade.checks.filter((check) => check.passed).length;
  const of = Math.max(1, Math.max(rule.checkCount, grade.checks.length) + (grade.problem ? 1 : 0));
  return { earned: roundPoints((possible * passed) / of), possible, partial: { passed, of } };
}

/**
 * How late a submission is, and what that costs: every started day after
 * the deadline takes `penaltyPerDay` of the points (at most all of them);
 * an assignment that refuses late work takes all. On time, no deadline, or
 * no submission time (nothing submitted): not late.
 */
export function lateness(submittedAt: Date | undefined, deadline: Date | undefined, policy: LatePolicy): Lateness | undefined {
  if (!submittedAt || !deadline || submittedAt.getTime() <= deadline.getTime()) return undefined;
  const days = Math.ceil((submittedAt.getTime() - deadline.getTime()) / DAY_MS);
  if (!policy.accept) return { days, accepted: false, penalty: 1 };
  return { days, accepted: true, penalty: Math.min(1, Math.round(days * policy.penaltyPerDay * 10_000) / 10_000) };
}

/** The points of some exercises added up; skipped ones (with --url) count neither way, as in the score. */
export function sumPoints(exercises: readonly Pick<ExerciseGrade, 'status' | 'points'>[]): { earned: number; possible: number } {
  const counted = exercises.filter((exercise) => exercise.status !== 'skipped' && exercise.points !== undefined);
  return {
    earned: roundPoints(counted.reduce((sum, exercise) => sum + (exercise.points?.earned ?? 0), 0)),
    possible: roundPoints(counted.reduce((sum, exercise) => sum + (exercise.points?.possible ?? 0), 0)),
  };
}

/** The total: the exercises' points less the late penalty. */
export function assignmentPoints(sum: { earned: number; possible: number }, late: Lateness | undefined): AssignmentPoints {
  const penalty = late ? roundPoints(sum.earned * late.penalty) : 0;
  return { earned: sum.earned, penalty, total: roundPoints(sum.earned - penalty), possible: sum.possible };
}

/**
 * The report of a submission graded for an assignment, with points per
 * exercise and in total. Pure: the submission time is read beforehand
 * (./submission-time.ts), so the same inputs always score the same.
 */
export function applyAssignment(report: GradeReport, assignment: Assignment, submittedAt: SubmittedAt | undefined): GradeReport {
  const modules = report.modules.map((module) => ({
    ...module,
    exercises: module.exercises.map((grade) => {
      const rule = assignment.exercises.get(grade.id);
      return rule ? { ...grade, points: exercisePoints(grade, rule) } : grade;
    }),
  }));
  const late = lateness(submittedAt ? new Date(submittedAt.time) : undefined, assignment.deadline, assignment.late);
  return {
    ...report,
    modules,
    assignment: {
      title: assignment.title,
      file: assignment.file,
      ...(assignment.deadline ? { deadline: assignment.deadline.toISOString() } : {}),
      ...(submittedAt ? { submittedAt } : {}),
      ...(late ? { late } : {}),
      points: assignmentPoints(sumPoints(modules.flatMap((module) => module.exercises)), late),
    },
  };
}

/** `22.5`, `2`, `0.33`: points as people write them. */
export function formatPoints(points: number): string {
  return String(roundPoints(points));
}

/** `2025-03-14 20:59 UTC`: an ISO time (UTC) as reports show it. */
export function readableTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
