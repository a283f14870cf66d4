/**
 * The result model every front end shares: the TUI checklist, `grade`
 * reporters and `validate`. Plain data only, so it serializes to JSON as is.
 *
 * Everything a learner reads is a BilingualText: the check's description
 * (from the course) and the engine's expected / found / error phrases
 * (src/engine/texts.ts). Front ends pick the language with localize().
 */
import type { Text } from '../course/schema.js';
import { errorMessage } from '../errors.js';

/**
 * A text in both course languages: the course's Text with the Russian filled
 * in, so a result can be shown in either language without the exercise.
 * Values quoted from Redis (`"hello"`, `["a", "b"]`, `3`) read the same in both.
 */
export type BilingualText = Required<Text>;

/** What one check concluded, before it is labelled with its description. */
export interface Verdict {
  passed: boolean;
  /** What the check wanted, for people: `"3"`, `one of "a", "b"` / `одно из: "a", "b"`, `a number > 10`. */
  expected?: BilingualText;
  /** What the server actually had, for people. */
  found?: BilingualText;
  /** The check could not be carried out (connection refused, a js check threw, AUTH failed). */
  error?: BilingualText;
}

export interface CheckResult extends Verdict {
  /** Position of the check in the exercise, so front ends can keep their order and identity. */
  index: number;
  description: BilingualText;
  /** A teacher's hidden check: students see it only in a count (./hidden-checks.ts). */
  hidden?: boolean;
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

/** Text that is the same in both languages: a value quoted from Redis, an author's message, a server's error. */
export function verbatim(text: string): BilingualText {
  return { en: text, ru: text };
}

/**
 * An error whose message the engine wrote in both languages. Checks throw it
 * where a plain Error would leave a Russian learner with English prose.
 */
export class BilingualError extends Error {
  constructor(readonly text: BilingualText) {
    super(text.en);
    this.name = 'BilingualError';
  }
}

export function passedVerdict(): Verdict {
  return { passed: true };
}

export function failedVerdict(expected: BilingualText, found: BilingualText): Verdict {
  return { passed: false, expected, found };
}

/** A check that could not run. Messages of other errors (ioredis, the OS, an author's js) are kept as they are in both languages. */
export function errorVerdict(error: unknown): Verdict {
  if (error instanceof BilingualError) return { passed: false, error: error.text };
  return { passed: false, error: verbatim(errorMessage(error)) };
}
