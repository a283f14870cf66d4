import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { compileApp, type CompiledApp } from './compile-app.js';
import { waitUntil } from '../../support/wait-until.js';
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
  start: (args: string[], options?: StartOptions) => { tui: PtySession; home: string };
  /** A temporary REDIS_TUTOR_HOME, removed after the test. */
  tempHome: () => string;
  /** The compiled program, for runs outside a terminal. */
  entry: () => string;
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

/** An empty prompt line: the prompt is shown (it is hidden while a line runs) and nothing is typed on it yet. */
const EMPTY_PROMPT = /^127\.0\.0\.1:\d+(\[\d+\])?(\(TX\))?>$/;

/**
 * Waits for an empty prompt, then types a line and presses Enter, as a person
 * does: the line before has run (or its Enter has at least been taken).
 */
export async function command(tui: PtySession, line: string): Promise<void> {
  await tui.waitForScreen((rows) => rows.some((row) => EMPTY_PROMPT.test(row.trimEnd())), `an empty prompt to type ${JSON.stringify(line)} at`);
  await tui.type(line);
  await tui.press('enter');
}

/**
 * Progress is written just after the screen updates: polls the file until the
 * exercise is solved there; the status last read (so a test that expects
 * "solved" fails showing what was saved instead).
 */
export async function savedStatus(home: string, id: string, timeoutMs = 15_000): Promise<string | undefined> {
  let status: string | undefined;
  const read = () => {
    try {
      status = (JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { exercises: Record<string, { status: string }> }).exercises[id]?.status;
    } catch {
      status = undefined;
    }
    return status === 'solved';
  };
  await waitUntil(read, `${id} saved as solved`, timeoutMs).catch(() => undefined);
  return status;
}
