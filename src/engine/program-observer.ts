import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import { sleep } from '../lib/async.js';
import { actorCommandMatches } from './actor-runner.js';
import type { Attempt } from './attempt.js';
import { execPipeline } from './checker-pipeline.js';
import { isBlocked, parseClientList } from './client-list.js';
import type { ProgramEnding, ProgramFacts, ProgramMessage, ProgramSubscriptions } from './program-facts.js';

/*
 * The shapes the program's tap (src/programs/tap-events.ts) reports in; the
 * engine does not import that layer, so they are repeated here and the
 * grader hands one to the other.
 */

/** One of the program's connections. */
export interface ObservedConnection {
  id: number;
  /** As CLIENT LIST shows the connection (`addr=`). */
  serverSideAddress: string | undefined;
  awaitingReplies: number;
  channels: ReadonlySet<string>;
  patterns: ReadonlySet<string>;
  shardChannels: ReadonlySet<string>;
  open: boolean;
}

export type ObservedPush =
  | { kind: 'subscribed' | 'unsubscribed'; family: 'channel' | 'pattern' | 'shard'; name: string | undefined; count: number }
  | { kind: 'message'; channel: string; pattern?: string; message: string };

export type ObservedOutcome = 'ok' | 'error' | 'unpaired';

export interface ObservedConnections {
  /** The program's open connections. */
  connectionInfo(): ObservedConnection[];
  readonly connectionsOpened: number;
}

/** How a program's run ended, for the facts the checks read. */
export interface ProgramRunSummary {
  output: string;
  outputTruncated: boolean;
  exitCode: number | null;
  signal: string | null;
  ending: ProgramEnding;
}

/** Enough for any check; a program looping over INCR a million times does not fill the grader's memory. */
const MAX_RECORDED_COMMANDS = 100_000;
const MAX_RECORDED_MESSAGES = 10_000;
const BLOCK_PROBE_INTERVAL_MS = 10;
/** How much of the end of the output a `printed` trigger is looked for in: far more than one line, bounded for a chatty loop. */
const PRINTED_SCAN_CHARS = 64 * 1024;

/**
 * AUTH and HELLO … AUTH with the sandbox's own password (from REDIS_URL, the
 * private server's random one) redacted, which must not reach a report through
 * a used check's "you ran …". A password the exercise gave the learner (AUTH
 * with the new requirepass) stays, so a check can ask for it. Without the
 * sandbox's password known, every AUTH argument is redacted, as MONITOR does.
 */
export function withoutPasswords(args: string[], sandboxPasswords?: readonly string[]): string[] {
  const name = (args[0] ?? '').toUpperCase();
  const hide = (arg: string) => (sandboxPasswords === undefined || sandboxPasswords.includes(arg) ? '(redacted)' : arg);
  if (name === 'AUTH') return [args[0] ?? '', ...args.slice(1).map(hide)];
  if (name !== 'HELLO') return args;
  const at = args.findIndex((arg, i) => i > 0 && arg.toUpperCase() === 'AUTH');
  return at === -1 ? args : args.map((arg, i) => (i === at + 1 || i === at + 2 ? hide(arg) : arg));
}

/**
 * Watches a program answer's connections and makes the exercise's actors
 * act for it as they do for typed lines (./attempt.ts), from what the server
 * shows about any of those connections: `blocked` when CLIENT LIST flags one
 * of them b, `subscribed` when the server confirms a subscription, `after:
 * CMD` when CMD is answered — and, the tap holding the connection, before
 * anything the program sent after it runs. Every command the program sent
 * and had answered without an error goes to the attempt's commands, so the
 * used/notUsed checks judge all of its connections.
 */
export class ProgramObserver {
  private connections: ObservedConnections | undefined;
  private lastActivity = performance.now();
  private readonly subscriptions: ProgramSubscriptions[] = [];
  private readonly received: ProgramMessage[] = [];
  private polling: Promise<void> = Promise.resolve();
  private stopped = false;
  private outputTail = '';

  constructor(
    private readonly attempt: Attempt,
    private readonly checker: Redis,
    /** The sandbox's own passwords, redacted from what the program sent; undefined redacts every AUTH argument. */
    private readonly sandboxPasswords?: readonly string[],
  ) {}

  /** Starts asking the server about the program's connections (for `blocked` actors). */
  watch(connections: ObservedConnections): void {
    this.connections = connections;
    this.polling = this.pollBlocked();
  }

  holdAfter(args: readonly string[]): boolean {
    return this.attempt.actors.pending('after').some((actor) => actor.when.on === 'after' && actorCommandMatches(actor.when.command, args));
  }

  async answered(_connection: ObservedConnection, args: string[], outcome: ObservedOutcome): Promise<void> {
    if (outcome !== 'error' && this.attempt.commands.length < MAX_RECORDED_COMMANDS) this.attempt.commands.push(withoutPasswords(args, this.sandboxPasswords));
    for (const actor of this.attempt.actors.pending('after')) {
      if (actor.when.on === 'after' && actorCommandMatches(actor.when.command, args)) await this.attempt.actors.fire(actor);
    }
  }

  async pushed(connection: ObservedConnection, push: ObservedPush): Promise<void> {
    if (push.kind === 'message') {
      if (this.received.length < MAX_RECORDED_MESSAGES) {
        this.received.push({ connection: connection.id, channel: push.channel, message: push.message, ...(push.pattern !== undefined ? { pattern: push.pattern } : {}) });
      }
      return;
    }
    this.subscriptions.push({ connection: connection.id, channels: [...connection.channels, ...connection.shardChannels], patterns: [...connection.patterns] });
    if (push.kind === 'subscribed') {
      for (const actor of this.attempt.actors.pending('subscribed')) await this.attempt.actors.fire(actor);
    }
  }

  /**
   * What the program printed, as it comes: a `printed` actor whose text is
   * now in the output acts. The program is not held meanwhile (its output is
   * a pipe, not a connection): a program that must not go on before the
   * tutor's act waits for what the act brings about (a new master).
   */
  printed(text: string): void {
    this.outputTail = (this.outputTail + text).slice(-PRINTED_SCAN_CHARS);
    for (const actor of this.attempt.actors.pending('printed')) {
      if (actor.when.on === 'printed' && this.outputTail.includes(actor.when.text)) void this.attempt.actors.fire(actor).catch(() => undefined);
    }
  }

  /** Every actor of the exercise has acted: nothing more is to happen for the program. */
  settled(): boolean {
    return this.attempt.actors.allActed();
  }

  activity(): void {
    this.lastActivity = performance.now();
  }

  /** Nothing of the program runs while an actor acts: its connections wait, as a learner's prompt does. */
  gate(): Promise<void> | undefined {
    return this.attempt.actors.acting();
  }

  /** How long nothing went between the program and the server. */
  quietMs(): number {
    return performance.now() - this.lastActivity;
  }

  /**
   * Whether the program waits on Redis now: one of its connections is
   * subscribed or blocked, and none is waiting for an ordinary reply. A
   * program stopped then is a listener or a worker waiting for the next job,
   * not one that was still working.
   */
  async waitingOnRedis(): Promise<boolean> {
    const open = this.connections?.connectionInfo().filter((connection) => connection.open) ?? [];
    if (open.length === 0) return false;
    const blocked = await this.blockedAddresses();
    const waits = (connection: ObservedConnection) =>
      connection.serverSideAddress !== undefined && blocked.has(connection.serverSideAddress);
    const subscribed = (connection: ObservedConnection) => connection.channels.size + connection.patterns.size + connection.shardChannels.size > 0;
    const working = open.some((connection) => connection.awaitingReplies > 0 && !waits(connection));
    return !working && open.some((connection) => waits(connection) || subscribed(connection));
  }

  /** Stops polling and waits for every actor that is still acting. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.polling;
    await this.attempt.actors.idle();
  }

  facts(run: ProgramRunSummary): ProgramFacts {
    return {
      ...run,
      connectionsOpened: this.connections?.connectionsOpened ?? 0,
      subscriptions: this.subscriptions,
      received: this.received,
    };
  }

  private async pollBlocked(): Promise<void> {
    while (!this.stopped && this.attempt.actors.pending('blocked').length > 0) {
      await sleep(BLOCK_PROBE_INTERVAL_MS);
      const awaiting = this.connections?.connectionInfo().filter((connection) => connection.open && connection.awaitingReplies > 0) ?? [];
      if (this.stopped || awaiting.length === 0) continue;
      const blocked = await this.blockedAddresses();
      if (!awaiting.some((connection) => connection.serverSideAddress !== undefined && blocked.has(connection.serverSideAddress))) continue;
      for (const actor of this.attempt.actors.pending('blocked')) await this.attempt.actors.fire(actor);
    }
  }

  /** The addresses (CLIENT LIST addr=) of the clients the server shows blocked; none when it cannot be asked. */
  private async blockedAddresses(): Promise<Set<string>> {
    try {
      const [list] = await execPipeline(this.checker, [['CLIENT', 'LIST']]);
      if (typeof list !== 'string') return new Set();
      return new Set(parseClientList(list).flatMap((client) => (isBlocked(client) && client.addr !== undefined ? [client.addr] : [])));
    } catch {
      // The server is restarting (an actor's !restart) or gone: nothing is blocked on it now.
      return new Set();
    }
  }
}
