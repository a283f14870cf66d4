import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { compileApp, type CompiledApp } from './compile-app.js';
import { startInPty, tempHome, type PtySession } from './pty-session.js';

export interface StartOptions {
  home?: string;
  columns?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * Registers the hooks an e2e file needs (compile the app once, kill every
 * session and remove every temporary home after each test); `start` runs
 * `redis-tutor start ARGS` in a pseudo-terminal.
 */
export interface TutorApp {
  start(args: string[], options?: StartOptions): { tui: PtySession; home: string };
  /** A temporary REDIS_TUTOR_HOME, removed after the test. */
  tempHome(): string;
  /** The compiled program, for runs outside a terminal. */
  entry(): string;
}

export function useTutorApp(): TutorApp {
  let app: CompiledApp;
  const cleanups: Array<() => void> = [];
  beforeAll(() => {
    app = compileApp();
  });
  afterAll(() => app.remove());
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const makeHome = (): string => {
    const made = tempHome();
    cleanups.push(made.remove);
    return made.dir;
  };
  return {
    start(args, options = {}) {
      const home = options.home ?? makeHome();
      const tui = startInPty({ entry: app.entry, args: ['start', ...args], home, ...options });
      cleanups.unshift(() => tui.kill());
      return { tui, home };
    },
    tempHome: makeHome,
    entry: () => app.entry,
  };
}

/** Types a line and presses Enter, as a person does. */
export async function command(tui: PtySession, line: string): Promise<void> {
  await tui.type(line);
  await tui.press('enter');
}

/** Progress is written just after the screen updates; poll the file like a person would look again. */
export async function savedStatus(home: string, id: string, timeoutMs = 5_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let status: string | undefined;
    try {
      status = (JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { exercises: Record<string, { status: string }> }).exercises[id]?.status;
    } catch {
      status = undefined;
    }
    if (status === 'solved' || Date.now() > deadline) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
