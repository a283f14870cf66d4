/**
 * What `redis-tutor doctor` finds, as plain data: the checks produce these,
 * one renderer prints them, and the exit code is derived from them alone.
 */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  /** Short label shown in the first column, e.g. "redis-server". */
  name: string;
  status: CheckStatus;
  /** What was found, in one line. */
  detail: string;
  /** What to do about it; absent when nothing needs doing. */
  nextStep?: string;
}

export interface DoctorReport {
  results: CheckResult[];
  /** One sentence: which Redis the tutor would use, or why it cannot run. */
  verdict: string;
  exitCode: number;
}

/** 0 when the tutor can run; 2 (the usage/environment code) when a check says it cannot. */
export function exitCodeFor(results: readonly CheckResult[]): number {
  return results.some((result) => result.status === 'fail') ? 2 : 0;
}
