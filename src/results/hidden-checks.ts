import type { CheckResult } from './check-result.js';

/** How a student's hidden checks went: counted, never described. */
export interface HiddenTotals {
  total: number;
  passed: number;
}

/**
 * What a student may read of an exercise's results: the checks that are not
 * hidden, and the hidden ones only as totals (undefined when there are
 * none). The tutor, `run` and the feedback handed back use it; the
 * teacher's reports do not (they show every check).
 */
export function studentView<Check extends Pick<CheckResult, 'passed' | 'hidden'>>(checks: readonly Check[]): { visible: Check[]; hidden: HiddenTotals | undefined } {
  const hidden = checks.filter((check) => check.hidden === true);
  return {
    visible: checks.filter((check) => check.hidden !== true),
    hidden: hidden.length > 0 ? { total: hidden.length, passed: hidden.filter((check) => check.passed).length } : undefined,
  };
}

export { hiddenChecksText } from '../course/hidden-checks-text.js';
