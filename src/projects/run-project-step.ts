import { createServer } from 'node:net';
import type { Attempt } from '../engine/attempt.js';
import { ProgramObserver } from '../engine/program-observer.js';
import type { ProgramFacts } from '../engine/program-facts.js';
import type { GradingLane } from '../grade/grading-lane.js';
import type { ProgramCommand } from '../programs/program-command.js';
import { programEnv } from '../programs/program-env.js';
import { runObservedProgram, type ProgramWatcher } from '../programs/run-observed-program.js';
import type { TapConnectionInfo, TapPush } from '../programs/tap-events.js';
import type { LoadedStep } from './load-project.js';

export interface StepSettings {
  /** The learner's command with these arguments. */
  command: (args: readonly string[]) => ProgramCommand;
  cwd: string;
  env: NodeJS.ProcessEnv;
  passEnv?: readonly string[];
  timeoutMs: number;
  outputLimitBytes: number;
  keepBytes: number;
  handleSignals: boolean;
}

/** How one run went, for a failure message; `problem` when it did not end as a program should. */
export interface StepRun {
  args: readonly string[];
  facts: ProgramFacts;
  problem?: 'could-not-run' | 'timeout' | 'output-limit' | 'grader';
  error?: string;
}

/**
 * Runs a step's programs on the sandbox, each through a tap its own
 * observer watches (the same path a program exercise takes), and gives the
 * attempt what they did for the step's checks: one run's facts, or for
 * several at once their outputs together, connections summed.
 */
export async function runProjectStep(lane: GradingLane, attempt: Attempt, step: LoadedStep, settings: StepSettings): Promise<StepRun[]> {
  const refusedPort = step.unreachable ? await closedPort(lane.learnerSpec().host) : undefined;
  const once = (args: readonly string[], watcher?: (observer: ProgramObserver) => ProgramWatcher) => runOnce(lane, attempt, args, settings, watcher, refusedPort);
  let runs: StepRun[];
  if (step.kind === 'run') runs = [await once(step.runs[0] ?? [])];
  else if (step.kind === 'parallel') {
    const lockstep = new Lockstep(step.runs.length);
    runs = await Promise.all(step.runs.map((args, index) => once(args, (observer) => new LockstepWatcher(observer, lockstep, index))));
  }
  else runs = await listenWhile(step, once);
  attempt.useProgram(combinedFacts(step.kind === 'listen' ? runs.slice(0, 1) : runs));
  return runs;
}

/** The listener first; once its subscription is confirmed, the other runs one by one; it is stopped once they are done and it has gone quiet. */
async function listenWhile(step: LoadedStep, once: (args: readonly string[], watcher?: (observer: ProgramObserver) => ProgramWatcher) => Promise<StepRun>): Promise<StepRun[]> {
  let othersDone = false;
  let subscribed!: () => void;
  const listening = new Promise<void>((resolve) => (subscribed = resolve));
  const listener = once(step.listener ?? [], (observer) => new ListenerWatcher(observer, () => othersDone, subscribed));
  // A listener that ends before it subscribes ends the wait too: its own result says why.
  await Promise.race([listening, listener]);
  const others: StepRun[] = [];
  for (const args of step.runs) others.push(await once(args));
  othersDone = true;
  return [await listener, ...others];
}

async function runOnce(
  lane: GradingLane,
  attempt: Attempt,
  args: readonly string[],
  settings: StepSettings,
  wrap?: (observer: ProgramObserver) => ProgramWatcher,
  refusedPort?: number,
): Promise<StepRun> {
  const observer = new ProgramObserver(attempt, lane.engine.checker);
  const observed = await runObservedProgram({
    program: settings.command(args),
    cwd: settings.cwd,
    sandbox: lane.learnerSpec(),
    watcher: wrap ? wrap(observer) : observer,
    env: (spec) => programEnv(settings.env, refusedPort !== undefined ? { ...spec, port: refusedPort } : spec, settings.passEnv),
    timeoutMs: settings.timeoutMs,
    outputLimitBytes: settings.outputLimitBytes,
    keepBytes: settings.keepBytes,
    handleSignals: settings.handleSignals,
  });
  if ('tapFailed' in observed) {
    const facts = observer.facts({ output: '', outputTruncated: false, exitCode: null, signal: null, ending: 'stopped' });
    return { args, facts, problem: 'grader', error: observed.tapFailed };
  }
  const { run, stoppedWaiting } = observed;
  const ending = stoppedWaiting ? 'stopped-waiting' : run.outcome === 'exited' ? 'exited' : 'stopped';
  const facts = observer.facts({ output: run.output, outputTruncated: run.truncated, exitCode: run.exitCode, signal: run.signal, ending });
  if (run.outcome === 'could-not-run') return { args, facts, problem: 'could-not-run', error: run.error ?? 'unknown reason' };
  if (run.outcome === 'timeout' || run.outcome === 'output-limit') return { args, facts, problem: run.outcome };
  return { args, facts };
}

/** A port on the sandbox's host that was free a moment ago: a connection to it is refused. */
function closedPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Several runs as one for the checks: outputs in run order, the first non-zero exit code, connections added up. */
function combinedFacts(runs: readonly StepRun[]): ProgramFacts {
  const [first, ...rest] = runs.map((run) => run.facts);
  if (first === undefined) throw new Error('a step without runs');
  if (rest.length === 0) return first;
  const all = [first, ...rest];
  const failing = all.find((facts) => facts.exitCode !== 0);
  return {
    output: all.map((facts) => (facts.output === '' || facts.output.endsWith('\n') ? facts.output : `${facts.output}\n`)).join(''),
    outputTruncated: all.some((facts) => facts.outputTruncated),
    exitCode: failing?.exitCode ?? 0,
    signal: failing?.signal ?? null,
    ending: failing?.ending ?? 'exited',
    connectionsOpened: all.reduce((sum, facts) => sum + facts.connectionsOpened, 0),
    subscriptions: all.flatMap((facts) => facts.subscriptions),
    received: all.flatMap((facts) => facts.received),
  };
}

/** The observer as the watcher; subclasses change one thing. */
class DelegatingWatcher implements ProgramWatcher {
  constructor(protected readonly inner: ProgramObserver) {}

  watch(connections: Parameters<ProgramWatcher['watch']>[0]): void {
    this.inner.watch(connections);
  }
  holdAfter(args: readonly string[]): boolean {
    return this.inner.holdAfter(args);
  }
  answered(connection: TapConnectionInfo, args: string[], outcome: Parameters<ProgramObserver['answered']>[2]): Promise<void> {
    return this.inner.answered(connection, args, outcome);
  }
  pushed(connection: TapConnectionInfo, push: TapPush): Promise<void> {
    return this.inner.pushed(connection, push);
  }
  activity(): void {
    this.inner.activity();
  }
  gate(): Promise<void> | undefined {
    return this.inner.gate();
  }
  settled(): boolean {
    return this.inner.settled();
  }
  quietMs(): number {
    return this.inner.quietMs();
  }
  waitingOnRedis(): Promise<boolean> {
    return this.inner.waitingOnRedis();
  }
  stop(): Promise<void> {
    return this.inner.stop();
  }
}

/** The listener is not done before the other runs are, and its first subscription is announced. */
class ListenerWatcher extends DelegatingWatcher {
  constructor(
    inner: ProgramObserver,
    private readonly othersDone: () => boolean,
    private readonly onSubscribed: () => void,
  ) {
    super(inner);
  }

  override async pushed(connection: TapConnectionInfo, push: TapPush): Promise<void> {
    await this.inner.pushed(connection, push);
    if (push.kind === 'subscribed') this.onSubscribed();
  }
  override settled(): boolean {
    return this.othersDone() && this.inner.settled();
  }
}

/**
 * Lockstep for a parallel step's programs: each program's n-th send (its
 * first connection is the 0th) waits until every program still running has
 * made its n-th, or a short while. Programs running the same code then reach
 * Redis step by step together — every voter's SISMEMBER before any SADD — so
 * a check-then-act race shows every time, whatever the scheduler did.
 */
class Lockstep {
  private readonly rounds = new Map<number, { arrived: Set<number>; release: () => void; released: Promise<void>; timer?: NodeJS.Timeout }>();
  private readonly finished = new Set<number>();

  constructor(private readonly programs: number) {}

  /** Program `index` makes its `round`-th send; settles when the round may go. */
  arrive(index: number, round: number): Promise<void> {
    const entry = this.round(round);
    entry.arrived.add(index);
    // A program that never connects, or is slow to send, holds the others only so long. The release waits
    // one turn of the event loop (setImmediate runs after the poll phase): when the tutor itself was stalled,
    // sends already in its sockets are read and counted first, and may complete the round.
    entry.timer ??= setTimeout(() => setImmediate(() => entry.release()), round === 0 ? START_LINE_MS : ROUND_MS);
    this.check(entry);
    return entry.released;
  }

  /** Program `index` has ended: no round waits for it any more. */
  finish(index: number): void {
    this.finished.add(index);
    for (const entry of this.rounds.values()) this.check(entry);
  }

  private check(entry: { arrived: Set<number>; release: () => void }): void {
    const waiting = [...this.finished].filter((index) => !entry.arrived.has(index)).length;
    if (entry.arrived.size + waiting >= this.programs) entry.release();
  }

  private round(round: number) {
    let entry = this.rounds.get(round);
    if (entry === undefined) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const made: { arrived: Set<number>; release: () => void; released: Promise<void>; timer?: NodeJS.Timeout } = { arrived: new Set(), release: () => undefined, released };
      made.release = () => {
        clearTimeout(made.timer);
        release();
      };
      entry = made;
      this.rounds.set(round, entry);
    }
    return entry;
  }
}

/**
 * How long the first program to connect waits for the others, and how long
 * a later round waits for a program that is still running but has not sent.
 * A program that ends releases every round at once, so these only bound a
 * program that lingers without sending; they are generous because a round
 * released early lets a race slip past (a loaded machine starts 23 Pythons
 * slowly, and a round of 250 ms let a check-then-act voter through).
 */
const START_LINE_MS = 20_000;
const ROUND_MS = 2_000;

/** One program of a parallel step: its sends go in lockstep with the others' (the tap asks the gate before each). */
class LockstepWatcher extends DelegatingWatcher {
  private sends = 0;

  constructor(
    inner: ProgramObserver,
    private readonly lockstep: Lockstep,
    private readonly index: number,
  ) {
    super(inner);
  }

  override gate(): Promise<void> | undefined {
    return this.lockstep.arrive(this.index, this.sends++);
  }

  override async stop(): Promise<void> {
    this.lockstep.finish(this.index);
    await this.inner.stop();
  }
}
