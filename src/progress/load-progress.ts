import { readFile, rename } from 'node:fs/promises';
import { withFileLock, type LockOptions } from './file-lock.js';
import { emptyProgress, type Progress } from './progress-file.js';
import { parseProgress, ProgressFormatError } from './progress-parse.js';
import { invalidProgress, newerProgress, stuckInvalidProgress, unreadableProgress } from './progress-access-errors.js';

export interface LoadedProgress {
  progress: Progress;
  /** Set when a saved file could not be read and was moved aside; show it to the learner. */
  warning?: string;
}

export interface LoadOptions {
  now?: Date;
  /** false (`list`): never touch the file; one that cannot be read is an error instead. */
  moveCorruptAside?: boolean;
  lock?: LockOptions;
}

/** The lock every writer of `file` takes (saves, and moving a corrupt file aside). */
export function lockFileFor(file: string): string {
  return `${file}.lock`;
}

/**
 * Reads the saved progress. A missing file is a fresh start; a corrupt one
 * is moved aside (never deleted) and the learner starts fresh. Anything
 * else — a file in the way of the folder, no permission, a corrupt file
 * that cannot be moved, a file from a newer redis-tutor — is an
 * EnvironmentError with the next step.
 */
export async function loadProgress(file: string, options: LoadOptions = {}): Promise<LoadedProgress> {
  const text = await readProgressText(file);
  if (text === undefined) return { progress: emptyProgress() };
  try {
    return { progress: parseProgress(text) };
  } catch (error) {
    if (!(error instanceof ProgressFormatError)) throw error;
    if (error.newerVersion !== undefined) throw newerProgress(file, error);
    if (options.moveCorruptAside === false) throw invalidProgress(file, error);
    return moveAside(file, error, options);
  }
}

/** The file's text, undefined when there is none; other failures as EnvironmentErrors. */
async function readProgressText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw await unreadableProgress(file, error);
  }
}

/** Under the writers' lock, so a tutor saving meanwhile is not the one moved aside. */
async function moveAside(file: string, reason: ProgressFormatError, options: LoadOptions): Promise<LoadedProgress> {
  const aside = `${file}.corrupt-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
  try {
    return await withFileLock(
      lockFileFor(file),
      async () => {
        const again = await readSaved(file);
        if (again !== 'corrupt') return { progress: again };
        await rename(file, aside);
        return { progress: emptyProgress(), warning: `Your progress file could not be read (${reason.message}); it was moved to ${aside} and you start fresh.` };
      },
      options.lock,
    );
  } catch (error) {
    if (error instanceof ProgressFormatError) throw newerProgress(file, error);
    throw await stuckInvalidProgress(file, reason, error);
  }
}

/**
 * What is on disk now, for a writer holding the lock: the progress
 * (empty when there is no file) or 'corrupt'. A file from a newer
 * redis-tutor throws: it must not be overwritten.
 */
export async function readSaved(file: string): Promise<Progress | 'corrupt'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyProgress();
    throw error;
  }
  try {
    return parseProgress(text);
  } catch (error) {
    if (error instanceof ProgressFormatError && error.newerVersion === undefined) return 'corrupt';
    throw error;
  }
}
