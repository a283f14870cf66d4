import { displayPath, formatCourseProblem, type CourseProblem } from '../course/course-problems.js';
import type { CheckResult } from '../results/check-result.js';
import type { ExerciseGrade } from '../results/report-model.js';
import type { ProjectValidation } from './validate-projects.js';
import type { SolutionValidation } from './validate-solutions.js';

export interface ValidateReport {
  problems: CourseProblem[];
  /** Absent without --solutions. */
  solutions?: SolutionValidation[];
  /** Exercises that loaded, for the summary without --solutions. */
  exercises: Array<{ id: string; file: string }>;
  /** Where the solutions ran: "private redis-server 7.0.15 on 127.0.0.1:41234". */
  server?: string;
  /** The projects beside the course (../validate/validate-projects.ts): each loads; with --solutions, its rules. */
  projects?: ProjectValidation[];
}

/** True when `validate` should exit 0: no error problems and every exercise that ran holds. */
export function reportHolds(report: ValidateReport): boolean {
  return summaryCounts(report).failed === 0 && (report.projects ?? []).every((rule) => rule.holds);
}

/** The text `validate` prints, pure so it is tested without a terminal or a Redis. */
export function renderValidateReport(report: ValidateReport, cwd: string): string {
  const lines: string[] = report.problems.map((problem) => formatCourseProblem(problem, cwd));
  if (report.solutions) {
    if (lines.length > 0) lines.push('');
    if (report.server) lines.push(`solutions on ${report.server}`);
    for (const validation of report.solutions) {
      const { result, file, language, counterExample } = validation;
      const mark = result.status === 'passed' ? 'ok  ' : result.status === 'failed' ? 'FAIL' : 'skip';
      const time = result.status === 'skipped' || !result.timings ? '' : ` (${Math.round(result.timings.totalMs)} ms)`;
      const which = language ?? (counterExample ? `counter-example ${counterExample.index + 1}` : undefined);
      lines.push(`${mark} ${result.id}${which !== undefined ? ` ${which}` : ''}${time}`);
      for (const reason of validationReasons(validation)) lines.push(`       ${reason}  [${displayPath(file, cwd)}]`);
      if (result.status === 'failed') lines.push(...outputLines(result));
    }
  }
  const counts = summaryCounts(report);
  if (counts.skipped > 0) lines.push(`${counts.skipped} skipped`);
  lines.push(`${counts.total} exercises: ${counts.passed} passed, ${counts.failed} failed`);
  lines.push(...projectLines(report.projects ?? [], report.solutions !== undefined, cwd));
  return lines.join('\n') + '\n';
}

/** With --solutions every rule of every project; without, only the ones that do not load. Then a summary line. */
function projectLines(rules: readonly ProjectValidation[], solutions: boolean, cwd: string): string[] {
  if (rules.length === 0) return [];
  const lines: string[] = [];
  for (const rule of rules) {
    if (!solutions && rule.holds) continue;
    const time = rule.ms !== undefined ? ` (${Math.round(rule.ms)} ms)` : '';
    lines.push(`${rule.holds ? 'ok  ' : 'FAIL'} project ${rule.project}${rule.language !== undefined ? ` ${rule.language}` : ''} ${rule.rule}${time}`);
    if (rule.reason !== undefined) lines.push(...rule.reason.split('\n').map((line, index) => `       ${line}${index === 0 ? `  [${displayPath(rule.file, cwd)}]` : ''}`));
  }
  const names = new Set(rules.map((rule) => rule.dir));
  const failed = new Set(rules.filter((rule) => !rule.holds).map((rule) => rule.dir));
  lines.push(`${names.size} projects: ${names.size - failed.size} passed, ${failed.size} failed`);
  return lines;
}

/** One sentence per thing that does not hold, in English: validate is for course authors. */
export function reasonsOf(result: ExerciseGrade): string[] {
  if (result.status === 'skipped') return result.skipReason ? [result.skipReason] : [];
  return [
    ...(result.problem ? [result.problem.message] : []),
    ...(result.findings ?? []),
    ...(result.lineErrors ?? []).map((line) => `solution line "${line.text}": ${line.error}`),
    ...result.checks.filter((check) => !check.passed).map((check) => `after the solution: ${describeFailure(check)}`),
  ];
}

/**
 * Why a result does not hold. A counter-example is meant to fail its checks
 * and to get error replies: only what says it is not rejected, or could not
 * be run, is a reason.
 */
export function validationReasons(validation: SolutionValidation): string[] {
  const { result } = validation;
  if (validation.counterExample === undefined) return reasonsOf(result);
  return [...(result.problem ? [result.problem.message] : []), ...(result.findings ?? [])];
}

/** At most this many lines of a failing program solution's output: its traceback is at the end. */
const OUTPUT_LINES = 10;

function outputLines(result: ExerciseGrade): string[] {
  const text = result.output?.text.trimEnd();
  if (text === undefined || text === '') return [];
  return ['       its output ended with:', ...text.split(/\r?\n/).slice(-OUTPUT_LINES).map((line) => `         ${line}`)];
}

function describeFailure(check: CheckResult): string {
  const what = `check ${check.index + 1} "${check.description.en}"`;
  if (check.error) return `${what} could not run: ${check.error.en}`;
  return `${what} fails: expected ${check.expected?.en ?? '?'}, found ${check.found?.en ?? '?'}`;
}

/**
 * An exercise fails when a file of it has an error problem or, with
 * --solutions, when it does not hold. Files that did not load at all count
 * as failed exercises too, so a broken file can never make the summary greener.
 */
export function summaryCounts(report: ValidateReport): { total: number; passed: number; failed: number; skipped: number } {
  const errorFiles = new Set(report.problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
  const loadedFiles = new Set(report.exercises.map((exercise) => exercise.file));
  const unloadedBroken = [...errorFiles].filter((file) => !loadedFiles.has(file)).length;
  // A program exercise has several results (its redis-cli solution, each language): one that fails fails the exercise.
  const statusById = new Map<string, ExerciseGrade['status']>();
  for (const { result } of report.solutions ?? []) {
    const known = statusById.get(result.id);
    if (known === undefined || result.status === 'failed' || known === 'skipped') statusById.set(result.id, result.status);
  }
  let passed = 0;
  let failed = unloadedBroken;
  let skipped = 0;
  for (const exercise of report.exercises) {
    const status = statusById.get(exercise.id);
    if (errorFiles.has(exercise.file) || status === 'failed') failed += 1;
    else if (status === 'skipped') skipped += 1;
    else passed += 1;
  }
  return { total: passed + failed, passed, failed, skipped };
}
