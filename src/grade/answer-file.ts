import { constants, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { errorMessage } from '../errors.js';

/*
 * An answer is read (or run) only when it is a regular file inside the
 * submission folder. A link out of it (/etc/passwd, /proc/self/environ), a
 * FIFO (whose read never ends), a device, or a hard link to a file kept
 * elsewhere is refused with the reason, and nothing of what it points to is
 * read: a .redis answer's lines end up in the report as line errors.
 *
 * The check is made again when the file is opened, on the open file itself,
 * because an answer graded earlier (a program) can swap a later one for a
 * link while the grader runs.
 */

const OUTSIDE = 'it links to a file outside the submission folder; answers are read only from regular files inside it';
const CHANGED = 'it was replaced while the submission was being graded (by a link or another file)';

/** Whether `path` is strictly inside `root` (both real paths). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

interface Located {
  root: string;
  real: string;
  info: Stats;
}

/** Where the answer really is, or why it is not an answer the grader may touch. */
async function locate(submissionDir: string, path: string): Promise<Located | { refused: string }> {
  let root: string;
  let real: string;
  try {
    root = await realpath(submissionDir);
    real = await realpath(path);
  } catch (error) {
    return { refused: `cannot read the file (${errorMessage(error)})` };
  }
  if (!isInside(root, real)) return { refused: OUTSIDE };
  const info = await lstat(real);
  if (!info.isFile()) return { refused: `it is not a regular file but ${kindOf(info)}` };
  if (info.nlink > 1) return { refused: `it is a hard link (the same file has ${info.nlink} names); an answer must be a file of its own` };
  return { root, real, info };
}

/** Why a program answer may not be run, or undefined when it may. */
export async function refuseAnswerFile(submissionDir: string, path: string): Promise<string | undefined> {
  const located = await locate(submissionDir, path);
  return 'refused' in located ? located.refused : undefined;
}

/**
 * The text of a .redis answer, at most maxBytes, or why it is not read.
 * Opened without following a final link and without blocking on a FIFO,
 * then checked to be the very file that was inspected, inside the submission.
 */
export async function readAnswerFile(submissionDir: string, path: string, maxBytes: number): Promise<{ text: string } | { refused: string }> {
  const located = await locate(submissionDir, path);
  if ('refused' in located) return located;
  let handle;
  try {
    handle = await open(located.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { refused: code === 'ELOOP' || code === 'EMLINK' ? CHANGED : `cannot read the file (${errorMessage(error)})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.ino !== located.info.ino || info.dev !== located.info.dev || info.nlink > 1) return { refused: CHANGED };
    if (!(await openedInside(handle.fd, located.root))) return { refused: OUTSIDE };
    if (info.size > maxBytes) return { refused: `the file is larger than ${maxBytes / 1024} KB` };
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { refused: `the file is larger than ${maxBytes / 1024} KB` };
    return { text: buffer.subarray(0, bytesRead).toString('utf8') };
  } catch (error) {
    return { refused: `cannot read the file (${errorMessage(error)})` };
  } finally {
    await handle.close();
  }
}

/** On Linux the kernel says which file an open descriptor is; elsewhere the identity check above has to do. */
async function openedInside(fd: number, root: string): Promise<boolean> {
  let where: string;
  try {
    where = await readlink(`/proc/self/fd/${fd}`);
  } catch {
    return true;
  }
  return isInside(root, where);
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  if (info.isDirectory()) return 'a folder';
  return 'a special file';
}
