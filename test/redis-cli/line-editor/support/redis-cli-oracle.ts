/**
 * The real redis-cli 7.0.15 as the oracle: fetch what it fetches (COMMAND
 * DOCS), run it with piped stdin, or type into it in a pseudo-terminal and
 * read the screen back.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import { encodeCommand } from '../../../../src/resp/encode.js';
import { RespParser } from '../../../../src/resp/parser.js';
import type { Reply } from '../../../../src/resp/types.js';
import { waitUntil } from '../../../support/wait-until.js';

/** Commands sent in one go over a fresh socket (e.g. HELLO 3, then COMMAND DOCS); the replies in order. */
export function fetchReplies(port: number, commands: ReadonlyArray<readonly string[]>): Promise<Reply[]> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const replies: Reply[] = [];
    const parser = new RespParser((reply) => {
      replies.push(reply);
      if (replies.length < commands.length) return;
      socket.destroy();
      resolve(replies);
    });
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => parser.feed(chunk));
    socket.connect(port, '127.0.0.1', () => {
      for (const args of commands) socket.write(encodeCommand(args.map((arg) => Buffer.from(arg))));
    });
  });
}

/** COMMAND DOCS as redis-cli fetches it at start-up (RESP2), or under RESP3. */
export async function fetchCommandDocs(port: number, protocol: 2 | 3 = 2): Promise<Reply> {
  const commands = protocol === 3 ? [['HELLO', '3'], ['COMMAND', 'DOCS']] : [['COMMAND', 'DOCS']];
  const replies = await fetchReplies(port, commands);
  return replies[replies.length - 1] as Reply;
}

/** `printf INPUT | redis-cli -p PORT`: stdout bytes. */
export function runRedisCliPiped(port: number, input: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', ['-p', String(port)], {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: { ...process.env, REDISCLI_HISTFILE: '/dev/null', REDISCLI_RCFILE: '/dev/null' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', () => resolve(Buffer.concat(chunks)));
    child.stdin.end(input);
  });
}

export interface PtySession {
  /**
   * Writes keys; with `until`, waits (15 s at most) until the output they
   * caused satisfies it and the emulator has drawn it. Returns that output.
   * Without `until` nothing is awaited: the caller waits for what it expects.
   */
  type(keys: string, until?: (output: string) => boolean): Promise<string>;
  /** Waits (15 s at most) until `check` holds for the emulated screen. */
  waitForScreen(check: (session: PtySession) => boolean, what: string): Promise<void>;
  /** Rows of the emulated screen, trailing blanks trimmed. */
  screen(): string[];
  /** The row the cursor is on, and the cursor column. */
  cursor(): { row: string; column: number };
  /** Settles with the exit code when the program has exited. */
  exited: Promise<number>;
  close(): void;
}

const WAIT_MS = 15_000;

/**
 * A program in an 80x24 (or given size) pseudo-terminal, its output fed to a
 * headless xterm. Resolves once the program has printed its first prompt
 * (output holding "> ", or what `ready` asks for), so keys typed next are
 * read by the prompt and not dropped as type-ahead.
 */
export async function startInPty(
  command: string,
  args: readonly string[],
  options: { columns?: number; env?: NodeJS.ProcessEnv; ready?: (output: string) => boolean } = {},
): Promise<PtySession> {
  const columns = options.columns ?? 80;
  const home = mkdtempSync(join(tmpdir(), 'redis-tutor-pty-'));
  const child = pty.spawn(command, [...args], {
    cols: columns,
    rows: 24,
    env: { ...process.env, TERM: 'xterm', HOME: home, REDISCLI_HISTFILE: '/dev/null', REDISCLI_RCFILE: '/dev/null', ...options.env },
  });
  const terminal = new xtermHeadless.Terminal({ cols: columns, rows: 24, allowProposedApi: true });
  let output = '';
  child.onData((data) => {
    output += data;
    terminal.write(data);
  });
  const exited = new Promise<number>((resolve) => child.onExit(({ exitCode }) => resolve(exitCode)));
  // The emulator parses asynchronously; an empty write resolves once it has caught up.
  const drawn = () => new Promise<void>((resolve) => terminal.write('', resolve));
  const row = (index: number): string => terminal.buffer.active.getLine(index)?.translateToString(true) ?? '';
  const screen = (): string[] => {
    const rows: string[] = [];
    for (let i = 0; i < terminal.rows; i++) rows.push(row(terminal.buffer.active.viewportY + i));
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  };
  const failure = (what: string, seen: string) =>
    new Error(`${command} in the pty did not show ${what} within ${WAIT_MS} ms; it printed ${JSON.stringify(seen)}; the screen:\n${screen().join('\n')}`);
  const outputWhere = async (check: (text: string) => boolean, from: number, what: string): Promise<void> => {
    try {
      await waitUntil(() => check(output.slice(from)), what, WAIT_MS);
    } catch {
      throw failure(what, output.slice(from));
    }
    await drawn();
  };
  await outputWhere(options.ready ?? ((text) => text.includes('> ')), 0, 'its first prompt');
  const session: PtySession = {
    async type(keys, until) {
      const before = output.length;
      child.write(keys);
      if (until !== undefined) await outputWhere(until, before, `what ${JSON.stringify(keys)} should cause`);
      return output.slice(before);
    },
    async waitForScreen(check, what) {
      try {
        await waitUntil(async () => {
          await drawn();
          return check(session);
        }, what, WAIT_MS);
      } catch {
        throw failure(what, output);
      }
    },
    screen,
    cursor() {
      const active = terminal.buffer.active;
      return { row: row(active.viewportY + active.cursorY), column: active.cursorX };
    },
    exited,
    close() {
      child.kill();
      terminal.dispose();
      rmSync(home, { recursive: true, force: true });
    },
  };
  return session;
}

/** What the stand-in REPL fixture needs transpiled for a plain `node` child (see compileForChild). */
export const CHILD_SOURCES = ['src/redis-cli', 'src/resp', 'test/redis-cli/line-editor/fixtures'];
export const REPL_FIXTURE = 'test/redis-cli/line-editor/fixtures/line-reader-repl.ts';
/** Transpiling under a loaded machine can take a while. */
export const SETUP_TIMEOUT_MS = 120_000;
