/**
 * Runs the same stdin through Debian's redis-cli and through
 * `node bin/redis-tutor.js cli`, each against its own fresh redis-server,
 * and returns both results normalized for comparison.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '../../support/test-server.js';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');
export const BIN = join(root, 'bin', 'redis-tutor.js');

export interface RunResult {
  stdout: Buffer;
  stderr: Buffer;
  code: number | null;
}

export const SERVER_ARGS = ['--enable-debug-command', 'yes'];

export function runProgram(command: string, args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, HOME: '/nonexistent', REDISCLI_HISTFILE: '/dev/null', REDISCLI_RCFILE: '/dev/null', ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err), code }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * What differs between two servers and two runs by nature, and nothing else:
 * the server's port, client addresses (addr=/laddr=), and the measured
 * timing lines: redis-cli prints `(N.NNs)` after any command that took 500 ms
 * or more, so on a loaded machine either program may print one after a command
 * that is quick elsewhere. The timing tests compare them with `keepSeconds`.
 */
export function normalize(output: Buffer, port: number): string {
  return withoutTimingLines(output.toString('latin1').split(String(port)).join('PORT').replace(/\baddr=127\.0\.0\.1:\d+/g, 'addr=127.0.0.1:CLIENTPORT'));
}

/** The text without its `(N.NNs)` timing lines, which say how long the machine took, not what was printed. */
export function withoutTimingLines(text: string): string {
  return text.replace(/^\(\d+\.\d\ds\)(\r?\n|$)/gm, '');
}

const TIMING_LINE = /^\((\d+\.\d\d)s\)$/gm;

/** The text with each timing line's digits replaced: `(1.20s)` → `(N.NNs)`. */
export function withoutSeconds(text: string): string {
  return text.replace(TIMING_LINE, '(N.NNs)');
}

/** The seconds of each `(N.NNs)` timing line, in order. */
export function timingSeconds(text: string): number[] {
  return [...text.matchAll(TIMING_LINE)].map((match) => Number(match[1]));
}

export interface Comparison {
  theirs: { stdout: string; stderr: string; code: number | null };
  ours: { stdout: string; stderr: string; code: number | null };
}

/**
 * Each program on its own fresh server started the same way. `keepSeconds`:
 * the timing lines keep their digits, for a test that compares them itself.
 */
export async function runBoth(
  cliArgs: string[],
  input: string | Buffer,
  options: { env?: NodeJS.ProcessEnv; serverArgs?: string[]; keepSeconds?: boolean } = {},
): Promise<Comparison> {
  const [a, b] = await Promise.all([startTestServer(options.serverArgs ?? SERVER_ARGS), startTestServer(options.serverArgs ?? SERVER_ARGS)]);
  try {
    const [theirs, ours] = await Promise.all([
      runProgram('redis-cli', ['-p', String(a.port), ...cliArgs], input, options.env),
      runProgram(process.execPath, [BIN, 'cli', '-p', String(b.port), ...cliArgs], input, options.env),
    ]);
    const text = (output: Buffer, port: number) => (options.keepSeconds ? output.toString('latin1').split(String(port)).join('PORT') : normalize(output, port));
    const view = (result: RunResult, port: number) => ({ stdout: text(result.stdout, port), stderr: text(result.stderr, port), code: result.code });
    return { theirs: view(theirs, a.port), ours: view(ours, b.port) };
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}
