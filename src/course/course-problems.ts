import { relative, sep } from 'node:path';

export type Severity = 'error' | 'warning';

/** What kind of problem, so tools and tests need not parse messages. */
export type CourseProblemCode =
  | 'course-missing'
  | 'unreadable'
  | 'yaml-syntax'
  | 'schema'
  | 'format-version'
  | 'id-mismatch'
  | 'missing-module-file'
  | 'missing-translation'
  | 'duplicate-id'
  | 'duplicate-number'
  | 'stray-file'
  | 'empty-text'
  | 'invalid-command-line'
  | 'unknown-directive'
  | 'directive-needs-owned-server'
  | 'missing-js'
  | 'js-syntax'
  | 'unknown-command'
  | 'missing-program';

/** A problem found in course files; data only — printing is the caller's job. */
export interface CourseProblem {
  severity: Severity;
  code: CourseProblemCode;
  /** Absolute path of the file or folder. */
  file: string;
  /** 1-based; absent when the problem concerns the whole file or folder. */
  line?: number;
  column?: number;
  message: string;
}

/** `exercises/02-strings/03-setnx.yaml:14:5: checks[1].expect: ...`, the path relative to `cwd`. */
export function formatCourseProblem(problem: CourseProblem, cwd: string): string {
  const shown = displayPath(problem.file, cwd);
  const place = problem.line === undefined ? shown : `${shown}:${problem.line}:${problem.column ?? 1}`;
  const severity = problem.severity === 'warning' ? 'warning: ' : '';
  return `${place}: ${severity}${problem.message}`;
}

export function displayPath(file: string, cwd: string): string {
  const fromCwd = relative(cwd, file);
  const outside = fromCwd.startsWith('..') || fromCwd === '';
  return (outside ? file : fromCwd).split(sep).join('/');
}

export function hasErrors(problems: readonly CourseProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
