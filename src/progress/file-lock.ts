import { randomUUID } from 'node:crypto';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Who holds a lock: written into the lock file so others can tell a live owner from a dead one. */
export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  at: string;
}

export interface LockOptions {
  /** Give up waiting after this long (a frozen owner must not freeze every tutor). */
  timeoutMs?: number;
  /** A lock older than this is taken over even when its owner seems alive (a reused pid, another host). */
  staleMs?: number;
  /** Called each time the lock is found held by someone else (tests wait for it). */
  onBusy?: (owner: LockOwner | undefined) => void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;

/** The lock stayed held by a live owner for the whole wait. */
export class LockTimeoutError extends Error {
  constructor(
    readonly lockFile: string,
    readonly owner: LockOwner | undefined,
  ) {
    const by = owner ? `process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`} since ${owner.at}` : 'another process';
    super(`${lockFile} is held by ${by}; if no redis-tutor is running, delete that file`);
    this.name = 'LockTimeoutError';
  }
}

/**
 * Runs `work` while holding `lockFile`, across processes. The lock is a file
 * created whole or not at all (a private file hard-linked to the lock's
 * name: link fails if the name exists), holding the owner's pid. A lock
 * whose owner process is gone, or that is older than `staleMs`, is stale
 * and taken over; waiters retry with short random pauses.
 */
export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const held = await acquire(lockFile, options);
  try {
    return await work();
  } finally {
    await release(lockFile, held);
  }
}

/** The lock file's inode: how its owner recognises it at release, and a breaker recognises the lock it judged stale. */
type Inode = number;

async function acquire(lockFile: string, options: LockOptions): Promise<Inode> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
  const deadline = Date.now() + timeoutMs;
  const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
  const draft = `${lockFile}.${randomUUID()}`;
  await writeFile(draft, `${JSON.stringify(owner)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, lockFile);
        return (await stat(lockFile)).ino;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
      }
      const current = await readLock(lockFile);
      if (current === undefined) continue; // released meanwhile
      if (isStale(current, staleMs)) {
        await breakLock(lockFile, current.ino);
        continue;
      }
      options.onBusy?.(current.owner);
      if (Date.now() > deadline) throw new LockTimeoutError(lockFile, current.owner);
      await pause(attempt);
    }
  } finally {
    await rm(draft, { force: true });
  }
}

async function release(lockFile: string, ino: Inode): Promise<void> {
  const current = await readLock(lockFile);
  // Someone judged it stale and took it over: theirs now, not ours to delete.
  if (current?.ino === ino) await rm(lockFile, { force: true });
}

interface LockState {
  owner: LockOwner | undefined;
  ino: Inode;
  mtimeMs: number;
}

/** The lock as it is now; undefined when there is none. An unreadable owner (a hand-made file) is left to the age rule. */
async function readLock(lockFile: string): Promise<LockState | undefined> {
  try {
    const [info, text] = await Promise.all([stat(lockFile), readFile(lockFile, 'utf8')]);
    return { owner: parseOwner(text), ino: info.ino, mtimeMs: info.mtimeMs };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function isStale(lock: LockState, staleMs: number): boolean {
  if (Date.now() - lock.mtimeMs > staleMs) return true;
  // A pid means something only on this host.
  return lock.owner !== undefined && lock.owner.host === hostname() && !isAlive(lock.owner.pid);
}

/**
 * Takes a stale lock away by renaming it to a private name (atomic: of two
 * breakers only one gets it). If what was renamed is not the lock judged
 * stale — its owner released it and a live one took the name meanwhile —
 * it is put back.
 */
async function breakLock(lockFile: string, staleIno: Inode): Promise<void> {
  const aside = `${lockFile}.stale-${randomUUID()}`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  try {
    if ((await stat(aside)).ino !== staleIno) await link(aside, lockFile).catch(() => undefined);
  } finally {
    await rm(aside, { force: true });
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockOwner> | null;
    if (data && typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.at === 'string') return { pid: data.pid, host: data.host, at: data.at };
  } catch {
    // Not ours: judged by age alone.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, only not ours to signal.
    return codeOf(error) !== 'ESRCH';
  }
}

/** Short, growing, random pauses: two waiters do not retry in step. */
function pause(attempt: number): Promise<void> {
  const ms = Math.min(50, 2 + attempt * 2) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}
