import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { EnvironmentError, errorMessage } from '../errors.js';
import { LockTimeoutError } from './file-lock.js';
import { ProgressFormatError } from './progress-parse.js';

/**
 * What went wrong with the progress file, said in the learner's terms with
 * the next step: one line each, for `start` and `list` to end with (exit 2)
 * and for the status line when a save fails.
 */

const ELSEWHERE = 'or point REDIS_TUTOR_HOME at another folder';

/** Reading the file failed for a reason other than "there is none yet". */
export async function unreadableProgress(file: string, error: unknown): Promise<EnvironmentError> {
  return new EnvironmentError(`cannot read your progress file: ${await describeFsError(file, error, 'read')}.`, nextStepFor(error), { cause: error });
}

/** The file is not progress and `list` does not move files. */
export function invalidProgress(file: string, reason: ProgressFormatError): EnvironmentError {
  if (reason.newerVersion !== undefined) return newerProgress(file, reason);
  return new EnvironmentError(
    `your progress file ${file} cannot be read (${reason.message}).`,
    '`redis-tutor start` moves it aside and starts you fresh; or fix or delete it yourself.',
    { cause: reason },
  );
}

/** A newer redis-tutor wrote the file: this one must neither misread it nor move it away. */
export function newerProgress(file: string, reason: ProgressFormatError): EnvironmentError {
  return new EnvironmentError(
    `your progress file ${file} was written by a newer redis-tutor (format ${reason.newerVersion ?? '?'}).`,
    `Upgrade redis-tutor (npm install -g redis-tutor@latest), ${ELSEWHERE}.`,
    { cause: reason },
  );
}

/** The file is not progress, and moving it aside (so the learner can start fresh) failed too. */
export async function stuckInvalidProgress(file: string, reason: ProgressFormatError, moveError: unknown): Promise<EnvironmentError> {
  return new EnvironmentError(
    `your progress file ${file} cannot be read (${reason.message}), and it could not be moved aside: ${await describeFsError(file, moveError)}.`,
    'Move or delete it yourself, or run `redis-tutor start --fresh` to practise without saving.',
    { cause: moveError },
  );
}

/** A failed save, as the one reason the status line shows. */
export async function saveFailure(file: string, error: unknown): Promise<Error> {
  if (error instanceof LockTimeoutError) return error;
  if (error instanceof ProgressFormatError && error.newerVersion !== undefined) return new Error(`${file} was written by a newer redis-tutor`, { cause: error });
  return new Error(await describeFsError(file, error), { cause: error });
}

/** An fs error as a short phrase about the progress file (reading it) or its folder (writing beside it). */
async function describeFsError(file: string, error: unknown, doing: 'read' | 'write' = 'write'): Promise<string> {
  const folder = dirname(file);
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOTDIR':
    case 'EEXIST': {
      // mkdir says EEXIST, open says ENOTDIR: either way a file stands where a folder should.
      const blocker = await fileInTheWay(folder);
      if (blocker !== undefined) return `${blocker} is a file, not a folder`;
      return errorMessage(error);
    }
    case 'EISDIR':
      return `${file} is a folder, not a file`;
    case 'EACCES':
    case 'EPERM':
      return doing === 'read' ? `permission denied on ${file}` : `permission denied in ${folder}`;
    case 'EROFS':
      return `${folder} is on a read-only file system`;
    case 'ENOSPC':
      return 'the disk is full';
    default:
      return errorMessage(error);
  }
}

function nextStepFor(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOTDIR':
    case 'EEXIST':
      return `Point REDIS_TUTOR_HOME at a folder (it is created if missing), or move that file away.`;
    case 'EISDIR':
      return `Move that folder away, ${ELSEWHERE}.`;
    case 'EACCES':
    case 'EPERM':
      return `Give yourself access to the file and its folder, ${ELSEWHERE}.`;
    default:
      return `Check the file and its folder, ${ELSEWHERE}; \`redis-tutor start --fresh\` practises without saving.`;
  }
}

/** The nearest existing path at or above `folder` when it is a file (what ENOTDIR complains about). */
async function fileInTheWay(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return (await stat(current)).isDirectory() ? undefined : current;
    } catch {
      if (dirname(current) === current) return undefined;
    }
  }
}
