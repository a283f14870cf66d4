import { PROGRESS_FORMAT_VERSION, type ExerciseProgress, type Progress } from './progress-file.js';

/** A file that is not progress this version can read; `newerVersion` is set when a newer redis-tutor wrote it. */
export class ProgressFormatError extends Error {
  constructor(
    message: string,
    readonly newerVersion?: number,
  ) {
    super(message);
    this.name = 'ProgressFormatError';
  }
}

/**
 * Parses a saved file of any format this version knows, migrated to the
 * current one; throws ProgressFormatError with the reason otherwise.
 * Optional fields that are malformed are dropped rather than refusing the
 * learner's whole record.
 */
export function parseProgress(text: string): Progress {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ProgressFormatError(error instanceof Error ? error.message : String(error));
  }
  if (!isRecord(data)) throw new ProgressFormatError('not a JSON object');
  const version = data.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PROGRESS_FORMAT_VERSION) {
    throw new ProgressFormatError(`formatVersion ${version} is newer than this redis-tutor understands (${PROGRESS_FORMAT_VERSION})`, version);
  }
  if (version !== 1 && version !== PROGRESS_FORMAT_VERSION) throw new ProgressFormatError(`unknown formatVersion ${JSON.stringify(version)}`);
  if (!isRecord(data.exercises)) throw new ProgressFormatError('"exercises" is not an object');
  const exercises: Record<string, ExerciseProgress> = {};
  for (const [id, entry] of Object.entries(data.exercises)) {
    if (!isRecord(entry) || (entry.status !== 'started' && entry.status !== 'solved')) throw new ProgressFormatError(`bad entry for ${id}`);
    exercises[id] = {
      status: entry.status,
      ...time('startedAt', entry.startedAt),
      ...time('solvedAt', entry.solvedAt),
      ...(entry.withHelp === true ? { withHelp: true } : {}),
      ...(entry.withHelp === true ? time('helpedAt', entry.helpedAt) : {}),
    };
  }
  // Format 1 is format 2 without the times: its entries read as they are, and the next save writes format 2.
  return {
    formatVersion: PROGRESS_FORMAT_VERSION,
    ...(data.language === 'en' || data.language === 'ru' ? { language: data.language } : {}),
    ...(typeof data.last === 'string' ? { last: data.last } : {}),
    ...time('forgottenAt', data.forgottenAt),
    exercises,
  };
}

/** The progress as it is written: stable, readable JSON ending in a newline. */
export function serializeProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`;
}

/** `{ [name]: value }` when value is a valid ISO time, else nothing. */
function time<K extends string>(name: K, value: unknown): { [P in K]?: string } {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return {};
  return { [name]: value } as { [P in K]?: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
