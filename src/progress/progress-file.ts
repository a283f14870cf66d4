import type { Language } from '../course/schema.js';

/**
 * What is saved about one learner, as plain JSON. `formatVersion` lets a
 * later release migrate old files instead of misreading them.
 */
export const PROGRESS_FORMAT_VERSION = 1;

export interface ExerciseProgress {
  /** `started`: opened at least once; `solved`: every check passed once. */
  status: 'started' | 'solved';
  /** The learner asked to see the solution (before solving it). */
  withHelp?: boolean;
  /** ISO time of the first solve. */
  solvedAt?: string;
}

export interface Progress {
  formatVersion: typeof PROGRESS_FORMAT_VERSION;
  /** Chosen in the app; overrides the locale, not --lang. */
  language?: Language;
  /** The exercise the learner was on when they left (`module/exercise`). */
  last?: string;
  exercises: Record<string, ExerciseProgress>;
}

export function emptyProgress(): Progress {
  return { formatVersion: PROGRESS_FORMAT_VERSION, exercises: {} };
}

/** Parses a saved file; throws with a reason when it is not a progress file this version understands. */
export function parseProgress(text: string): Progress {
  const data: unknown = JSON.parse(text);
  if (!isRecord(data)) throw new Error('not a JSON object');
  if (data.formatVersion !== PROGRESS_FORMAT_VERSION) throw new Error(`unknown formatVersion ${JSON.stringify(data.formatVersion)}`);
  if (!isRecord(data.exercises)) throw new Error('"exercises" is not an object');
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, entry] of Object.entries(data.exercises)) {
    if (!isRecord(entry) || (entry.status !== 'started' && entry.status !== 'solved')) throw new Error(`bad entry for ${id}`);
    exercises[id] = {
      status: entry.status,
      ...(entry.withHelp === true ? { withHelp: true } : {}),
      ...(typeof entry.solvedAt === 'string' ? { solvedAt: entry.solvedAt } : {}),
    };
  }
  return {
    formatVersion: PROGRESS_FORMAT_VERSION,
    ...(data.language === 'en' || data.language === 'ru' ? { language: data.language } : {}),
    ...(typeof data.last === 'string' ? { last: data.last } : {}),
    exercises,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
