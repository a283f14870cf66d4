import type { Language } from '../course/schema.js';

/**
 * What is saved about one learner, as plain JSON. `formatVersion` lets a
 * later release migrate old files instead of misreading them.
 *
 * Format 2 (format 1 plus times): several tutors may save into one file, and
 * a save merges with what is there (./progress-merge.ts). The merge needs
 * to know when things happened: the first start, the first look at the
 * solution, and the last "forget my progress", so a merge keeps the earliest
 * of each and never brings back what the learner asked to forget.
 */
export const PROGRESS_FORMAT_VERSION = 2;

export interface ExerciseProgress {
  /** `started`: opened at least once; `solved`: every check passed once. */
  status: 'started' | 'solved';
  /** ISO time of the first opening (absent in files written in format 1). */
  startedAt?: string;
  /** ISO time of the first solve. */
  solvedAt?: string;
  /** The learner asked to see the solution before their first solve. */
  withHelp?: boolean;
  /** ISO time of that first look at the solution (absent in files written in format 1). */
  helpedAt?: string;
}

export interface Progress {
  formatVersion: typeof PROGRESS_FORMAT_VERSION;
  /** Chosen in the app; overrides the locale, not --lang. */
  language?: Language;
  /** The exercise the learner was on when they left (`module/exercise`). */
  last?: string;
  /** ISO time of the latest `:reset-progress`: whatever happened before it is forgotten, in every tutor. */
  forgottenAt?: string;
  exercises: Record<string, ExerciseProgress>;
}

export function emptyProgress(): Progress {
  return { formatVersion: PROGRESS_FORMAT_VERSION, exercises: {} };
}
