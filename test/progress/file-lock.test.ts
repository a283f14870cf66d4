import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockTimeoutError, withFileLock, type LockOwner } from '../../src/progress/file-lock.js';
import { waitUntil } from '../support/wait-until.js';

let dir: string;
let lockFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-lock-'));
  lockFile = join(dir, 'progress.json.lock');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lockHeldBy = (pid: number) => writeFileSync(lockFile, JSON.stringify({ pid, host: hostname(), at: new Date().toISOString() }));

/** A real process that stays until its stdin closes. */
function liveProcess() {
  const child = spawn(process.execPath, ['-e', 'process.stdin.resume(); process.stdin.on("end", () => process.exit(0))'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { pid: child.pid ?? -1, end: () => (child.stdin.end(), ended) };
}

describe('withFileLock', () => {
  it('lets one holder in at a time', async () => {
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        withFileLock(lockFile, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setImmediate(resolve));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock whose owner process is gone', async () => {
    const dead = liveProcess();
    await dead.end();
    lockHeldBy(dead.pid);
    expect(await withFileLock(lockFile, () => Promise.resolve('done'))).toBe('done');
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over an unreadable lock once it is older than staleMs', async () => {
    writeFileSync(lockFile, 'garbage');
    const old = new Date(Date.now() - 120_000);
    utimesSync(lockFile, old, old);
    expect(await withFileLock(lockFile, () => Promise.resolve('done'), { staleMs: 60_000 })).toBe('done');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('waits while a live owner holds it, and goes in once it is released', async () => {
    const owner = liveProcess();
    try {
      lockHeldBy(owner.pid);
      const seen: Array<LockOwner | undefined> = [];
      let ran = false;
      const locked = withFileLock(
        lockFile,
        () => {
          ran = true;
          return Promise.resolve();
        },
        { onBusy: (who) => seen.push(who) },
      );
      await waitUntil(() => seen.length > 0, 'the lock found busy');
      expect(seen[0]?.pid).toBe(owner.pid);
      expect(ran).toBe(false);
      rmSync(lockFile); // the owner releases it
      await locked;
      expect(ran).toBe(true);
    } finally {
      await owner.end();
    }
  });

  it('gives up on a live owner after timeoutMs, naming it and the file to delete', async () => {
    const owner = liveProcess();
    try {
      lockHeldBy(owner.pid);
      const failure = await withFileLock(lockFile, () => Promise.resolve(), { timeoutMs: 50 }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(LockTimeoutError);
      expect((failure as Error).message).toBe(`${lockFile} is held by process ${owner.pid} since ${(failure as LockTimeoutError).owner?.at}; if no redis-tutor is running, delete that file`);
      // Not ours: left in place.
      expect(existsSync(lockFile)).toBe(true);
    } finally {
      await owner.end();
    }
  });

  it('releases the lock when the work fails', async () => {
    await expect(withFileLock(lockFile, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });
});
