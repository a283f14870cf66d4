import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IPty } from 'node-pty';
import type { Terminal as TerminalType } from '@xterm/headless';
import { waitUntil } from '../../support/wait-until.js';

const require = createRequire(import.meta.url);
const pty = require('node-pty') as typeof import('node-pty');
const { Terminal } = require('@xterm/headless') as typeof import('@xterm/headless');

export interface PtySession {
  /** The screen as a person sees it now: one string per row, right-trimmed. */
  screen(): string[];
  text(): string;
  /**
   * Types the keys. They may reach the program in one read, as a fast typist's
   * or a paste do; what they caused is awaited with waitFor.
   */
  type(text: string): Promise<void>;
  press(key: keyof typeof KEYS): Promise<void>;
  /** Waits until the screen shows the pattern; the screen's text. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits until `check` holds for the screen's rows; those rows. */
  waitForScreen(check: (rows: string[]) => boolean, what: string, timeoutMs?: number): Promise<string[]>;
  waitForExit(timeoutMs?: number): Promise<number>;
  resize(columns: number, rows: number): void;
  /** Every byte the program wrote, for checks on escape codes. */
  output(): string;
  pid: number;
  kill(): void;
}

export const KEYS = {
  enter: '\r',
  ctrlC: '\x03',
  up: '\x1b[A',
  down: '\x1b[B',
  pageDown: '\x1b[6~',
  tab: '\t',
} as const;

/** How long a wait may take before the test fails: generous, for a loaded machine. */
const WAIT_MS = 15_000;

export interface StartOptions {
  entry: string;
  args: string[];
  home: string;
  columns?: number;
  rows?: number;
  env?: NodeJS.ProcessEnv;
}

/** The program in a real pseudo-terminal, its output fed to a headless xterm.js: what is asserted is what a person would see. */
export function startInPty(options: StartOptions): PtySession {
  const columns = options.columns ?? 100;
  const rows = options.rows ?? 30;
  const terminal: TerminalType = new Terminal({ cols: columns, rows, allowProposedApi: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: options.home,
    TERM: 'xterm-256color',
    LANG: 'en_US.UTF-8',
    REDIS_TUTOR_HOME: options.home,
    REDISCLI_HISTFILE: '/dev/null',
    ...options.env,
  };
  const child: IPty = pty.spawn(process.execPath, [options.entry, ...options.args], {
    name: 'xterm-256color',
    cols: columns,
    rows,
    cwd: options.home,
    env,
  });
  let output = '';
  let exitCode: number | undefined;
  const exitWaiters: Array<(code: number) => void> = [];
  child.onData((data) => {
    output += data;
    terminal.write(data);
  });
  child.onExit(({ exitCode: code }) => {
    exitCode = code;
    for (const waiter of exitWaiters.splice(0)) waiter(code);
  });
  // xterm.js parses asynchronously; a zero-length write resolves once everything before it is on the screen.
  const settle = () => new Promise<void>((resolve) => terminal.write('', resolve));
  const screen = () => {
    const buffer = terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < terminal.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines;
  };
  /** Polls the screen (once xterm.js has parsed what arrived) until `check` holds; fails with the screen, and at once if the program exited. */
  const screenWhere = async (check: (rows: string[]) => boolean, what: string, timeoutMs: number): Promise<string[]> => {
    try {
      return await waitUntil(
        async () => {
          await settle();
          const rows = screen();
          if (check(rows)) return rows;
          if (exitCode !== undefined) throw new Error(`exited ${exitCode}`);
          return undefined;
        },
        what,
        timeoutMs,
      );
    } catch (error) {
      throw new Error(`no ${what} (${error instanceof Error ? error.message : String(error)}); the screen:\n${screen().join('\n')}`, { cause: error });
    }
  };
  const session: PtySession = {
    pid: child.pid,
    screen,
    text: () => screen().join('\n'),
    type(text) {
      child.write(text);
      return Promise.resolve();
    },
    press(key) {
      child.write(KEYS[key]);
      return Promise.resolve();
    },
    async waitFor(pattern, timeoutMs = WAIT_MS) {
      const matches = (text: string) => (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text));
      const rows = await screenWhere((shown) => matches(shown.join('\n')), String(pattern), timeoutMs);
      return rows.join('\n');
    },
    waitForScreen(check, what, timeoutMs = WAIT_MS) {
      return screenWhere(check, what, timeoutMs);
    },
    async waitForExit(timeoutMs = WAIT_MS) {
      const code =
        exitCode ??
        (await new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`did not exit within ${timeoutMs} ms; the screen:\n${screen().join('\n')}`)), timeoutMs);
          exitWaiters.push((exited) => {
            clearTimeout(timer);
            resolve(exited);
          });
        }));
      // What the program printed last is on the screen once xterm.js has parsed it.
      await settle();
      return code;
    },
    resize(newColumns, newRows) {
      child.resize(newColumns, newRows);
      terminal.resize(newColumns, newRows);
    },
    output: () => output,
    kill() {
      if (exitCode === undefined) child.kill('SIGKILL');
      terminal.dispose();
    },
  };
  return session;
}

export function tempHome(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-e2e-home-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
