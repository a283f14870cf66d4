import { mkdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import writeFileAtomic from 'write-file-atomic';
import { emptyProgress, parseProgress, type Progress } from './progress-file.js';
import { errorMessage } from '../errors.js';

/** Tests (and people who want several learners on one account) point this at another folder. */
export const PROGRESS_HOME_ENV = 'REDIS_TUTOR_HOME';
export const PROGRESS_FILE_NAME = 'progress.json';

/** `~/.local/share/redis-tutor/progress.json` on Linux (XDG_DATA_HOME honoured), the platform's data dir elsewhere. */
export function progressFilePath(env: NodeJS.ProcessEnv): string {
  const home = env[PROGRESS_HOME_ENV];
  return join(home ? home : envPaths('redis-tutor', { suffix: '' }).data, PROGRESS_FILE_NAME);
}

export interface LoadedProgress {
  progress: Progress;
  /** Set when a saved file could not be read and was moved aside; show it to the learner. */
  warning?: string;
}

/** Reads the saved progress; a missing file is a fresh start, a corrupt one is moved aside (never deleted). */
export async function loadProgress(file: string, options: { now?: Date; moveCorruptAside?: boolean } = {}): Promise<LoadedProgress> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
    throw error;
  }
  try {
    return { progress: parseProgress(text) };
  } catch (error) {
    const reason = errorMessage(error);
    if (options.moveCorruptAside === false) return { progress: emptyProgress(), warning: `Your progress file ${file} could not be read (${reason}).` };
    const aside = `${file}.corrupt-${(options.now ?? new Date()).toISOString().replace(/[:.]/g, '-')}`;
    await rename(file, aside);
    return { progress: emptyProgress(), warning: `Your progress file could not be read (${reason}); it was moved to ${aside} and you start fresh.` };
  }
}

/**
 * Saves progress one write at a time, in order: write-file-atomic writes a
 * temporary file and renames it, so a crash mid-write leaves the old file whole.
 */
export class ProgressStore {
  private queue: Promise<void> = Promise.resolve();
  private lastError: Error | undefined;

  /** `file` undefined: a session that saves nothing (`start --fresh`). */
  constructor(readonly file: string | undefined) {}

  save(progress: Progress): Promise<void> {
    const file = this.file;
    if (file === undefined) return Promise.resolve();
    const text = `${JSON.stringify(progress, null, 2)}\n`;
    this.queue = this.queue.then(async () => {
      try {
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, text, { encoding: 'utf8' });
        this.lastError = undefined;
      } catch (error) {
        this.lastError = error instanceof Error ? error : new Error(String(error));
      }
    });
    return this.queue;
  }

  /** The last failed save, for the status line (a full disk must not end the session). */
  get error(): Error | undefined {
    return this.lastError;
  }

  /** Resolves when every save asked for so far is on disk. */
  flush(): Promise<void> {
    return this.queue;
  }
}
