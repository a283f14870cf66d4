/**
 * The result model every front end shares: the TUI checklist, `grade`
 * reporters and `validate`. Plain data only, so it serializes to JSON as is.
 */

/** A text in both course languages, copied from the exercise so a result can be shown without it. */
export interface BilingualText {
  en: string;
  ru: string;
}

/** What one check concluded, before it is labelled with its description. */
export interface Verdict {
  passed: boolean;
  /** What the check wanted, for people: `"3"`, `one of "a", "b"`, `> 10`. */
  expected?: string;
  /** What the server actually had, for people. */
  found?: string;
  /** The check could not be carried out (connection refused, a js check threw, AUTH failed). */
  error?: string;
}

export interface CheckResult extends Verdict {
  /** Position of the check in the exercise, so front ends can keep their order and identity. */
  index: number;
  description: BilingualText;
}

export interface ExerciseTimings {
  /** Wall time of this evaluation of all checks, including any `wait` retries. */
  checksMs: number;
  /** Wall time of the first pass (one pipeline), the number that matters after each typed command. */
  firstPassMs: number;
  /** How many passes ran (1 unless a failing check had `wait`). */
  passes: number;
}

export interface ExerciseResult {
  /** "module/exercise" */
  id: string;
  passed: boolean;
  checks: CheckResult[];
  timings: ExerciseTimings;
}

export function passedVerdict(): Verdict {
  return { passed: true };
}

export function failedVerdict(expected: string, found: string): Verdict {
  return { passed: false, expected, found };
}

export function errorVerdict(error: unknown): Verdict {
  return { passed: false, error: error instanceof Error ? error.message : String(error) };
}
