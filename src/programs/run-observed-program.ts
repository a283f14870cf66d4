import { errorMessage } from '../errors.js';
import { sleep, within } from '../lib/async.js';
import type { ConnectionSpec } from '../redis/target.js';
import { RedisTap } from './redis-tap.js';
import { runProgram, type ProgramRun, type RunProgramOptions } from './run-program.js';
import type { TapConnectionInfo, TapListener } from './tap-events.js';

/**
 * Who watches the program's connections and acts for the exercise (the
 * engine's ProgramObserver, src/engine/program-observer.ts, which has this
 * shape): it hears everything through the tap, and tells when the program
 * has nothing left to do but wait on Redis.
 */
export interface ProgramWatcher extends TapListener {
  watch(connections: { connectionInfo(): TapConnectionInfo[]; readonly connectionsOpened: number }): void;
  /** Everything that was to happen has (every actor acted). */
  settled(): boolean;
  /** How long nothing went between the program and the server. */
  quietMs(): number;
  /** A connection blocked or subscribed, none working: a listener or a worker waiting for more. */
  waitingOnRedis(): Promise<boolean>;
  /** Stops watching; settles when whatever it was doing is done. */
  stop(): Promise<void>;
}

export interface ObservedRunOptions extends Omit<RunProgramOptions, 'env' | 'timeoutMs' | 'signal'> {
  /** The sandbox; the program reaches it through a tap. */
  sandbox: ConnectionSpec;
  watcher: ProgramWatcher;
  /** The program's environment for where it is to connect (the tap). */
  env: (spec: ConnectionSpec) => NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Stops the program early (the server it talks to is gone). */
  signal?: AbortSignal;
}

/**
 * How it went: the run, and whether the watcher stopped it while it waited
 * on Redis (then it is judged like a program that exited) or because it was
 * still working at the time limit (`timeout`).
 */
export type ObservedRun = { run: ProgramRun; stoppedWaiting: boolean } | { tapFailed: string };

/** A program still waiting on Redis this long after everything happened and all went quiet is done. */
const QUIET_MS = 500;
const WATCH_INTERVAL_MS = 50;
/** runProgram's own deadline comes this much after ours, which decides first whether the program was waiting or working. */
const DEADLINE_SLACK_MS = 2_000;
/**
 * The most time an actor's acting may add to the limit: an act such as
 * `!wait-failover` can take seconds the program spends waiting for its
 * outcome, which is the tutor's time, not the program's.
 */
const ACTING_ALLOWANCE_MS = 60_000;
const TAP_MS = 5_000;

/**
 * Runs a program against the sandbox through a tap (./redis-tap.ts) the
 * watcher listens to. A program that only waits on Redis once everything
 * happened (a listener, a worker loop) is stopped — then, or at the time
 * limit; one still working at the time limit has timed out. Resolves once
 * the program, the tap and the watcher are all done.
 */
export async function runObservedProgram(options: ObservedRunOptions): Promise<ObservedRun> {
  const { sandbox, watcher, env, signal, timeoutMs, ...rest } = options;
  const opened = await within(RedisTap.open(sandbox, watcher), TAP_MS);
  if (opened.kind !== 'done') return { tapFailed: opened.kind === 'failed' ? errorMessage(opened.error) : 'the tap did not start' };
  const tap = opened.value;
  watcher.watch(tap);

  const stop = new AbortController();
  let why: 'waiting' | 'working' | 'lost' | undefined;
  const stopAs = (reason: 'waiting' | 'working' | 'lost') => {
    if (stop.signal.aborted) return;
    why = reason;
    stop.abort();
  };
  const onLost = () => stopAs('lost');
  signal?.addEventListener('abort', onLost, { once: true });
  if (signal?.aborted) onLost();
  try {
    const running = runProgram({ ...rest, env: env(tap.spec), timeoutMs: timeoutMs + ACTING_ALLOWANCE_MS + DEADLINE_SLACK_MS, signal: stop.signal });
    await watch(running, watcher, timeoutMs, stopAs);
    const run = await running;
    if (run.outcome !== 'aborted') return { run, stoppedWaiting: false };
    return { run: why === 'working' ? { ...run, outcome: 'timeout' } : run, stoppedWaiting: why === 'waiting' };
  } finally {
    signal?.removeEventListener('abort', onLost);
    await within(tap.close(), TAP_MS);
    await within(watcher.stop(), TAP_MS);
  }
}

async function watch(running: Promise<ProgramRun>, watcher: ProgramWatcher, timeoutMs: number, stopAs: (why: 'waiting' | 'working') => void): Promise<void> {
  let done = false;
  void running.finally(() => (done = true));
  const deadline = new ActingExcluded(Date.now() + timeoutMs);
  while (!done) {
    await Promise.race([running, sleep(WATCH_INTERVAL_MS)]);
    if (done) return;
    const atDeadline = deadline.passed(watcher.gate() !== undefined);
    if (!atDeadline && !(watcher.settled() && watcher.quietMs() >= QUIET_MS)) continue;
    if (await watcher.waitingOnRedis()) return stopAs('waiting');
    if (atDeadline) return stopAs('working');
  }
}

/**
 * The time limit with the time actors spent acting left out (up to
 * ACTING_ALLOWANCE_MS), as a learner's typed line is not timed while the
 * tutor acts: a Sentinel client waiting for the failover the tutor brings
 * about is not slow for it.
 */
class ActingExcluded {
  private actingSince: number | undefined;
  private added = 0;

  constructor(private deadline: number) {}

  /** Whether the limit is reached, told at each look whether an actor is acting now. */
  passed(acting: boolean): boolean {
    const now = Date.now();
    if (acting) {
      this.actingSince ??= now;
      return false;
    }
    if (this.actingSince !== undefined) {
      const extra = Math.min(now - this.actingSince, ACTING_ALLOWANCE_MS - this.added);
      this.added += extra;
      this.deadline += extra;
      this.actingSince = undefined;
    }
    return now >= this.deadline;
  }
}
