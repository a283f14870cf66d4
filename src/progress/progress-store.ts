import { mkdir, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import writeFileAtomic from 'write-file-atomic';
import { withFileLock, type LockOptions } from './file-lock.js';
import type { Progress } from './progress-file.js';
import { mergeProgress } from './progress-merge.js';
import { serializeProgress } from './progress-parse.js';
import { saveFailure } from './progress-access-errors.js';
import { lockFileFor, readSaved } from './load-progress.js';

export { loadProgress, type LoadedProgress } from './load-progress.js';

/** Tests (and people who want several learners on one account) point this at another folder. */
export const PROGRESS_HOME_ENV = 'REDIS_TUTOR_HOME';
export const PROGRESS_FILE_NAME = 'progress.json';

/** `~/.local/share/redis-tutor/progress.json` on Linux (XDG_DATA_HOME honoured), the platform's data dir elsewhere. */
export function progressFilePath(env: NodeJS.ProcessEnv): string {
  const home = env[PROGRESS_HOME_ENV];
  return join(home ? home : envPaths('redis-tutor', { suffix: '' }).data, PROGRESS_FILE_NAME);
}

/** How one save ended. */
export type SaveOutcome =
  /**
   * On disk: `progress` is what the file holds now (`asked`, the progress
   * this save was given, merged with other tutors'). A screen still showing
   * `asked` can take `progress` without losing a newer change.
   */
  | { kind: 'saved'; progress: Progress; asked: Progress }
  | { kind: 'failed'; error: Error }
  /** A session that saves nothing (`start --fresh`). */
  | { kind: 'off' };

/**
 * Saves progress one write at a time, in order. Several tutors may share
 * the file, so each save takes the file's lock, reads what is there,
 * merges (./progress-merge.ts) and writes the result with write-file-atomic
 * (a temporary file renamed over the old one: a crash mid-write leaves the
 * old file whole).
 */
export class ProgressStore {
  private queue: Promise<unknown> = Promise.resolve();
  private lastError: Error | undefined;

  /** `file` undefined: a session that saves nothing (`start --fresh`). */
  constructor(
    readonly file: string | undefined,
    private readonly lock: LockOptions = {},
  ) {}

  save(progress: Progress): Promise<SaveOutcome> {
    const file = this.file;
    if (file === undefined) return Promise.resolve({ kind: 'off' });
    const saved = this.queue.then(async (): Promise<SaveOutcome> => {
      try {
        const merged = await this.write(file, progress);
        this.lastError = undefined;
        return { kind: 'saved', progress: merged, asked: progress };
      } catch (error) {
        this.lastError = await saveFailure(file, error);
        return { kind: 'failed', error: this.lastError };
      }
    });
    this.queue = saved;
    return saved;
  }

  /** The last failed save, for the status line (a full disk must not end the session). */
  get error(): Error | undefined {
    return this.lastError;
  }

  /** Resolves when every save asked for so far is on disk (or has failed). */
  async flush(): Promise<void> {
    await this.queue;
  }

  private async write(file: string, progress: Progress): Promise<Progress> {
    await mkdir(dirname(file), { recursive: true });
    return withFileLock(
      lockFileFor(file),
      async () => {
        const saved = await readSaved(file);
        if (saved === 'corrupt') {
          // Broken since this tutor started (by hand?): kept aside, never overwritten unseen.
          await rename(file, `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`);
        }
        const merged = saved === 'corrupt' ? progress : mergeProgress(saved, progress);
        await writeFileAtomic(file, serializeProgress(merged), { encoding: 'utf8' });
        return merged;
      },
      this.lock,
    );
  }
}
