import { performance } from 'node:perf_hooks';
import { errorMessage } from '../errors.js';
import { sleep } from '../lib/async.js';
import type { ActorTrigger, LoadedExercise, ScriptLine } from '../course/schema.js';
import { ConnectionClosedError } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import { actorCommandMatches, ActorRunner } from './actor-runner.js';
import type { ActorEvent, AttemptEvent } from './attempt-events.js';
import { execPipeline } from './checker-pipeline.js';
import type { CheckContext, CompiledCheck } from './checks/compiled-check.js';
import { compileCheckSafely } from './checks/compile-check.js';
import { isBlocked, parseClientLine } from './client-list.js';
import { commandWord } from '../redis-cli/command-word.js';
import { argsToStrings, parseCommandLine } from './command-line.js';
import type { LearnerClient } from './learner-client.js';
import type { ProgramFacts } from './program-facts.js';
import type { ExerciseResult } from '../results/check-result.js';
import { runChecks, type RunChecksOptions } from './run-checks.js';
import type { TutorSubscriber } from './tutor-subscriber.js';
import { isErrorValue, type Value } from './value.js';
import { labOnPort } from './topology/lab-registry.js';
import { connectLearnerTo, connectNodeName } from './topology/connect-node.js';
import { runOnNode } from './topology/node-command.js';
import type { Redis } from 'ioredis';
import type { Topology } from '../redis/topology/topology.js';

/** What one learner line did. */
export interface LineOutcome {
  line: string;
  /** The arguments sent; undefined when the line was not a command (blank, comment, unbalanced quotes). */
  args?: string[];
  /** The server's reply exactly as sent, for the prompt to print like redis-cli. */
  reply?: Reply;
  /** Why the line was not sent or got no reply (unbalanced quotes, connection lost). */
  problem?: string;
  /** Actors that acted during or right after this line. */
  events: ActorEvent[];
  ms: number;
}

export interface AttemptTimings {
  resetMs: number;
  setupMs: number;
}

export interface AttemptDependencies {
  checker: Redis;
  learner: LearnerClient;
  subscriber: TutorSubscriber | undefined;
  /** `!restart` in an actor's run: crash and restart the server with its data; says what happened. */
  restartServer?: () => Promise<string>;
  onEvent?: (event: AttemptEvent) => void;
  /** Actors wait their `delay` first (someone watches the screen). */
  paced?: boolean;
}

const SUBSCRIBE_COMMANDS = new Set(['SUBSCRIBE', 'PSUBSCRIBE', 'SSUBSCRIBE']);
/** How soon after sending the learner's command the tutor first asks whether it blocks. */
const FIRST_BLOCK_PROBE_MS = 5;
const BLOCK_PROBE_INTERVAL_MS = 10;
const DEFAULT_SCRIPT_LINE_TIMEOUT_MS = 15_000;

/**
 * One attempt at one exercise: created by Engine.startAttempt on a clean
 * sandbox with the setup done. The TUI sends the learner's lines one at a
 * time; grading and validate send a whole script. Every line is recorded for
 * used/notUsed, actors fire as the format says, evaluate() runs the checks.
 */
export class Attempt {
  readonly commands: string[][] = [];
  /** The other client the tutor plays; a program's observer (./program-observer.ts) makes it act too. */
  readonly actors: ActorRunner;
  private readonly channels = new Set<string>();
  private readonly patterns = new Set<string>();
  private readonly compiled: CompiledCheck[];
  private program: ProgramFacts | undefined;

  constructor(
    readonly exercise: LoadedExercise,
    readonly timings: AttemptTimings,
    private readonly deps: AttemptDependencies,
  ) {
    this.compiled = exercise.checks.map(compileCheckSafely);
    this.actors = new ActorRunner(exercise.actors, {
      checker: deps.checker,
      ...(deps.restartServer ? { restartServer: deps.restartServer } : {}),
      ...(deps.onEvent ? { onEvent: deps.onEvent } : {}),
      ...(deps.paced ? { paced: true } : {}),
    });
  }

  /** What the actors did, in order. */
  get events(): readonly AttemptEvent[] {
    return this.actors.events;
  }

  /** Sends one redis-cli line on the learner's connection, as if typed. */
  async runLine(line: string, options: { timeoutMs?: number } = {}): Promise<LineOutcome> {
    const node = connectNodeName(line);
    const lab = node === undefined ? undefined : labOnPort(this.deps.checker.options.port);
    if (node !== undefined && lab) return this.connectTo(lab, node, line);
    let args: Buffer[];
    try {
      args = parseCommandLine(line);
    } catch (error) {
      return { line, problem: errorMessage(error), events: [], ms: 0 };
    }
    return this.runArgs(args, line, options);
  }

  /** Sends one command, already split as redis-cli splits a line (`line` is how it was typed, for the record). */
  async runArgs(args: Buffer[], line: string, options: { timeoutMs?: number } = {}): Promise<LineOutcome> {
    const started = performance.now();
    const events: ActorEvent[] = [];
    const outcome = (rest: Omit<LineOutcome, 'line' | 'events' | 'ms'>): LineOutcome => ({ line, ...rest, events, ms: performance.now() - started });
    const strings = argsToStrings(args);
    const name = commandWord(args).toUpperCase();

    let reply: Reply;
    try {
      const sent = this.deps.learner.send(args);
      const settled = settledFlag(sent);
      const timer = options.timeoutMs !== undefined ? setTimeout(() => void this.interrupt(), options.timeoutMs) : undefined;
      try {
        if (this.actors.ready('blocked').length > 0) await this.fireWhenBlocked(settled, events);
        reply = await sent;
      } finally {
        clearTimeout(timer);
      }
    } catch (error) {
      // hiredis' words for a lost connection, as redis-cli prints them after `Error: `.
      return outcome({ args: strings, problem: error instanceof ConnectionClosedError ? error.reason.message : errorMessage(error) });
    }

    const failed = reply.type === 'error';
    if (!failed) {
      this.commands.push(strings);
      this.followSubscriptions(name, strings.slice(1));
    }
    for (const actor of this.actors.ready('after')) {
      if (actor.when.on === 'after' && actorCommandMatches(actor.when.command, strings)) noteEvent(events, await this.actors.fire(actor));
    }
    if (!failed && SUBSCRIBE_COMMANDS.has(name)) {
      for (const actor of this.actors.ready('subscribed')) noteEvent(events, await this.actors.fire(actor));
    }
    return outcome({ args: strings, reply });
  }

  /** Runs a whole script (a solution, a submission); a blocked line is interrupted after the timeout. */
  async runScript(lines: readonly (string | ScriptLine)[], options: { lineTimeoutMs?: number } = {}): Promise<LineOutcome[]> {
    const outcomes: LineOutcome[] = [];
    for (const entry of lines) {
      const text = typeof entry === 'string' ? entry : entry.text;
      if (text.trim() === '' || text.trim().startsWith('#')) continue;
      outcomes.push(await this.runLine(text, { timeoutMs: options.lineTimeoutMs ?? DEFAULT_SCRIPT_LINE_TIMEOUT_MS }));
    }
    return outcomes;
  }

  /** `connect NODE` in a lab's script: the learner's connection moves to that node. */
  private async connectTo(lab: Topology, node: string, line: string): Promise<LineOutcome> {
    const started = performance.now();
    try {
      await connectLearnerTo(lab, this.deps.learner, node);
      return { line, events: [], ms: performance.now() - started };
    } catch (error) {
      return { line, problem: errorMessage(error), events: [], ms: performance.now() - started };
    }
  }

  /**
   * Wakes the learner's connection from a blocking command (the TUI's Ctrl-C;
   * a script's timeout). 'busy' when the server is running a script past its
   * time limit: only SCRIPT KILL, FUNCTION KILL or a restart end that.
   */
  async interrupt(): Promise<'sent' | 'busy'> {
    const id = this.deps.learner.clientId;
    if (id === undefined) return 'sent';
    const reply = await this.onLearnerServer(['CLIENT', 'UNBLOCK', String(id), 'ERROR']).catch(() => null);
    return isErrorValue(reply) && reply.message.startsWith('BUSY') ? 'busy' : 'sent';
  }

  /**
   * How many channels, patterns and shard channels the learner's connection
   * holds, as the server counts them (CLIENT LIST sub, psub, ssub); 0 when it
   * is not connected.
   */
  async learnerSubscriptions(): Promise<number> {
    const id = this.deps.learner.clientId;
    if (id === undefined) return 0;
    const line = await this.onLearnerServer(['CLIENT', 'LIST', 'ID', String(id)]);
    if (typeof line !== 'string' || line.trim() === '') return 0;
    const info = parseClientLine(line);
    return ['sub', 'psub', 'ssub'].reduce((sum, field) => sum + Number(info[field] ?? 0), 0);
  }

  /** The answer was a program: the checks judge what it did (./program-facts.ts) and the subscribed check its connections. */
  useProgram(facts: ProgramFacts): void {
    this.program = facts;
  }

  /** Runs every check against the server now. */
  evaluate(options: RunChecksOptions = {}): Promise<ExerciseResult> {
    return runChecks(this.exercise.id, this.compiled, this.checkContext(), options);
  }

  private checkContext(): CheckContext {
    const { checker, learner, subscriber } = this.deps;
    const lab = labOnPort(checker.options.port);
    return {
      checker,
      spec: learner.spec,
      commands: this.commands,
      learnerClientId: learner.clientId,
      learnerSubscriptions: { channels: this.channels, patterns: this.patterns },
      publishedMessages: (channel) => (subscriber ? subscriber.received(channel) : Promise.resolve([])),
      runLine: async (line) => (await execPipeline(checker, [parseCommandLine(line)]))[0] ?? null,
      ...(this.program ? { program: this.program } : {}),
      ...(lab ? { topology: lab } : {}),
      actors: {
        publishes: this.actors.publishes,
        acted: (trigger) => this.actors.acted((actor) => sameTrigger(actor.when, trigger)),
        tutorListens: (channel) => subscriber !== undefined && this.exercise.checks.some((check) => check.kind === 'published' && check.channel === channel),
      },
    };
  }

  /**
   * One command about the learner's connection on the server it is on: the
   * checker's, or in a lab the node a `connect` moved it to (its client id
   * means nothing on the others).
   */
  private async onLearnerServer(command: string[]): Promise<Value> {
    const { checker, learner } = this.deps;
    const lab = learner.spec.port === checker.options.port ? undefined : labOnPort(checker.options.port);
    const node = lab?.nodes.find((candidate) => candidate.target.spec.port === learner.spec.port);
    if (node) return runOnNode(node, command);
    const [reply] = await execPipeline(checker, [command]);
    return reply ?? null;
  }

  /** Asks the server whether the learner's connection is blocked until it is, or until its reply arrives. */
  private async fireWhenBlocked(settled: () => boolean, events: ActorEvent[]): Promise<void> {
    const id = this.deps.learner.clientId;
    if (id === undefined) return;
    await sleep(FIRST_BLOCK_PROBE_MS);
    while (!settled()) {
      const line = await this.onLearnerServer(['CLIENT', 'LIST', 'ID', String(id)]);
      if (settled()) return;
      if (typeof line === 'string' && line.trim() !== '' && isBlocked(parseClientLine(line))) {
        // After its delay an actor acts only if the command still waits (not timed out, not interrupted).
        for (const actor of this.actors.ready('blocked')) noteEvent(events, await this.actors.fire(actor, () => !settled()));
        return;
      }
      await sleep(BLOCK_PROBE_INTERVAL_MS);
    }
  }

  /** Follows which channels and patterns the learner holds; the subscribed check verifies it against CLIENT LIST. */
  private followSubscriptions(name: string, args: string[]): void {
    const follow = (set: Set<string>, add: boolean) => {
      if (add) args.forEach((arg) => set.add(arg));
      else if (args.length === 0) set.clear();
      else args.forEach((arg) => set.delete(arg));
    };
    if (name === 'SUBSCRIBE') follow(this.channels, true);
    else if (name === 'UNSUBSCRIBE') follow(this.channels, false);
    else if (name === 'PSUBSCRIBE') follow(this.patterns, true);
    else if (name === 'PUNSUBSCRIBE') follow(this.patterns, false);
    else if (name === 'RESET') {
      this.channels.clear();
      this.patterns.clear();
    }
  }
}

function sameTrigger(a: ActorTrigger, b: ActorTrigger): boolean {
  if (a.on === 'after' && b.on === 'after') return actorCommandMatches(b.command, a.command.trim().split(/\s+/)) && actorCommandMatches(a.command, b.command.trim().split(/\s+/));
  if (a.on === 'printed' && b.on === 'printed') return a.text === b.text;
  return a.on === b.on;
}

function noteEvent(events: ActorEvent[], event: ActorEvent | undefined): void {
  if (event) events.push(event);
}

function settledFlag(promise: Promise<unknown>): () => boolean {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return () => settled;
}
