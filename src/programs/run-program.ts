import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { performance } from 'node:perf_hooks';
import { registerExitCleanup } from '../redis/exit-cleanup.js';
import { spawnContained, wrapperExecFailure } from './contain-process.js';
import type { ContainedProcess } from './contained-process.js';
import { OutputTail } from './output-tail.js';
import type { ProgramCommand } from './program-command.js';

export interface RunProgramOptions {
  program: ProgramCommand;
  cwd: string;
  /** The whole environment (see ./program-env.ts); HOME is replaced by a throwaway folder. */
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** The program is stopped once it has printed more than this (stdout and stderr together). */
  outputLimitBytes: number;
  /** How much of the end of the output is kept for the report. */
  keepBytes: number;
  /** Stops the program early (the server it talks to is gone). */
  signal?: AbortSignal;
  /** Kill the program when the grader gets SIGINT/SIGTERM (see src/redis/exit-cleanup.ts). */
  handleSignals: boolean;
  /** Each chunk of output as it comes (the TUI's live pane); the tail is kept either way. */
  onOutput?: (text: string) => void;
}

export type ProgramOutcome = 'exited' | 'timeout' | 'output-limit' | 'aborted' | 'could-not-run';

export interface ProgramRun {
  outcome: ProgramOutcome;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** could-not-run: why. */
  error?: string;
  output: string;
  bytes: number;
  truncated: boolean;
  ms: number;
}

/** After the program exits, how long its output may take to drain before the pipes are closed. */
const DRAIN_MS = 200;

/**
 * Runs an untrusted program inside a containment it cannot leave (a cgroup,
 * a PID namespace, or its tracked process tree: ./containment-mode.ts) and
 * ends all of it — the program, whatever it forked, setsid or double-forked,
 * and whatever ignores SIGTERM — with SIGKILL: on the deadline, on too much
 * output, and also after a normal exit, so a child left in the background
 * cannot touch the next exercise. It resolves only once every process of the
 * answer is gone. stdin is closed; output is counted and only its end kept.
 * HOME is an empty folder of its own, removed with the group: nothing the
 * grader keeps in its home (tokens, ~/.redisclirc, ~/.npmrc) is the program's
 * to read, and nothing a program leaves there reaches the next one.
 */
export function runProgram(options: RunProgramOptions): Promise<ProgramRun> {
  const started = performance.now();
  const tail = new OutputTail(options.keepBytes);
  const home = mkdtempSync(join(tmpdir(), 'redis-tutor-program-home-'));
  const removeHome = () => {
    try {
      rmSync(home, { recursive: true, force: true, maxRetries: 2 });
    } catch {
      // A folder the program made unreadable stays in the temporary folder; it never fails the grading.
    }
  };
  let contained: ContainedProcess;
  try {
    contained = spawnContained({ command: options.program.command, args: options.program.args, cwd: options.cwd, env: { ...options.env, HOME: home } });
  } catch (error) {
    removeHome();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const { child } = contained;
  return new Promise((resolve) => {
    let outcome: ProgramOutcome | undefined;
    let settled = false;

    // On the way out only the killing can be done; the answer's guard finishes the rest once the grader is gone.
    const cleanUpNow = () => {
      contained.killAll();
      removeHome();
    };
    const unregister = registerExitCleanup({ cleanUpNow }, { handleSignals: options.handleSignals });
    const stop = (why: ProgramOutcome) => {
      outcome ??= why;
      contained.killAll();
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) onAbort();

    // A character split between two reads is passed on whole, once its last byte came.
    const onData = (decoder: StringDecoder) => (chunk: Buffer) => {
      tail.push(chunk);
      if (options.onOutput) options.onOutput(decoder.write(chunk));
      if (tail.bytes > options.outputLimitBytes) stop('output-limit');
    };
    child.stdout.on('data', onData(new StringDecoder('utf8')));
    child.stderr.on('data', onData(new StringDecoder('utf8')));

    const finish = (exitCode: number | null, signal: NodeJS.Signals | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      contained.killAll();
      const done = () => {
        child.stdout.destroy();
        child.stderr.destroy();
        contained.release();
        removeHome();
        unregister();
        const output = tail.text();
        const execFailure = error === undefined && outcome === undefined ? wrapperExecFailure(output, exitCode) : undefined;
        const why = error ?? (execFailure !== undefined ? couldNotRunReason(execFailure, options.program) : undefined);
        resolve({
          outcome: why !== undefined ? 'could-not-run' : (outcome ?? 'exited'),
          exitCode,
          signal,
          ...(why !== undefined ? { error: why } : {}),
          output,
          bytes: tail.bytes,
          truncated: tail.truncated,
          ms: performance.now() - started,
        });
      };
      // Every process of the answer is gone before the run is over; then the pipes close, or are closed after a short drain.
      const drained = Promise.all([child.stdout, child.stderr].map((stream) => new Promise((r) => (stream.closed ? r(0) : stream.once('close', r)))));
      void contained
        .allGone()
        .then(() => Promise.race([drained, new Promise((r) => setTimeout(r, DRAIN_MS))]))
        .then(done);
    };
    child.once('exit', (code, signal) => finish(code, signal));
    child.once('error', (error: NodeJS.ErrnoException) => finish(null, null, couldNotRunReason(error.code, options.program, error.message)));
  });
}

function couldNotRunReason(code: string | undefined, program: ProgramCommand, message = 'the program could not be started'): string {
  return code === 'ENOENT' ? program.missingHint : code === 'EACCES' ? 'the file is not executable' : message;
}
