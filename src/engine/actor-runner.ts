import type { Redis } from 'ioredis';
import { errorMessage } from '../errors.js';
import { directiveName, type Actor } from '../course/schema.js';
import type { ActorEvent, AttemptEvent } from './attempt-events.js';
import { execPipeline } from './checker-pipeline.js';
import { parseCommandLine } from './command-line.js';
import { formatValue } from './format-value.js';
import { isErrorValue, type Value } from './value.js';

export interface ActorRunnerDependencies {
  checker: Redis;
  /** `!restart` in an actor's run: crash and restart the server with its data; says what happened. */
  restartServer?: () => Promise<string>;
  onEvent?: (event: AttemptEvent) => void;
}

/** A PUBLISH an actor made, with the number of clients the server said received it. */
export interface ActorPublish {
  channel: string;
  message: string;
  receivers: number;
}

/**
 * An actor acts each time its trigger happens; past this many times in one
 * attempt it stays still, so nothing a learner or a script repeats can make
 * the tutor act without end.
 */
export const MAX_ACTS_PER_ACTOR = 100;

/**
 * The other client the tutor plays, for one attempt: which actors have
 * acted, and the acting itself (redis-cli lines on the tutor's connection,
 * `!` directives). Typed lines (./attempt.ts) and programs
 * (./program-observer.ts) decide when; this runs them.
 */
export class ActorRunner {
  readonly events: ActorEvent[] = [];
  /** Every PUBLISH the actors made, in order: the `received` check reads who heard them. */
  readonly publishes: ActorPublish[] = [];
  /** How many times each actor has begun to act. */
  private readonly acts = new Map<number, number>();
  /** Actors being run now: a second trigger while the first runs waits for it instead of acting twice. */
  private readonly running = new Map<number, Promise<ActorEvent>>();

  constructor(
    private readonly actors: readonly Actor[],
    private readonly deps: ActorRunnerDependencies,
  ) {}

  /** Actors with this trigger that have not acted yet (a program's run makes each act once: its loop would trigger it again and again). */
  pending(on: Actor['when']['on']): Actor[] {
    return this.actors.filter((actor) => actor.when.on === on && !this.acts.has(actor.index));
  }

  /** Actors with this trigger that act when it happens now: a new trigger of a typed line makes them act again. */
  ready(on: Actor['when']['on']): Actor[] {
    return this.actors.filter((actor) => actor.when.on === on && !this.running.has(actor.index) && (this.acts.get(actor.index) ?? 0) < MAX_ACTS_PER_ACTOR);
  }

  /** Whether every actor of the exercise has acted (true when it has none). */
  allActed(): boolean {
    return this.actors.every((actor) => this.acts.has(actor.index) && !this.running.has(actor.index));
  }

  /** Whether an actor with this trigger acted during the attempt. */
  acted(matches: (actor: Actor) => boolean): boolean {
    return this.actors.some((actor) => matches(actor) && this.acts.has(actor.index) && !this.running.has(actor.index));
  }

  /** While an actor is acting, a promise for when none is; undefined when none is. */
  acting(): Promise<void> | undefined {
    return this.running.size > 0 ? this.idle() : undefined;
  }

  /** Settles once no actor is running (a program's run is over only when its actors are). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  /** Runs an actor for one trigger; a call while it is still acting gets that act's event instead of a second act. */
  fire(actor: Actor): Promise<ActorEvent> {
    const running = this.running.get(actor.index);
    if (running) return running;
    this.acts.set(actor.index, (this.acts.get(actor.index) ?? 0) + 1);
    const acting = this.act(actor).finally(() => this.running.delete(actor.index));
    this.running.set(actor.index, acting);
    return acting;
  }

  private async act(actor: Actor): Promise<ActorEvent> {
    const lines = actor.run.map((line) => line.text);
    const replies: Value[] = [];
    // redis-cli lines go in one pipeline per stretch between `!` directives.
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      replies.push(...(await this.runLines(batch)));
      batch = [];
    };
    for (const line of lines) {
      const directive = directiveName(line);
      if (directive === undefined) {
        batch.push(line);
        continue;
      }
      await flush();
      replies.push(await this.runDirective(directive));
    }
    await flush();
    const event: ActorEvent = {
      type: 'actor',
      actor: actor.index,
      trigger: actor.when.on === 'after' ? `after ${actor.when.command}` : actor.when.on,
      say: { en: actor.say.en, ru: actor.say.ru ?? actor.say.en },
      lines,
      replies: replies.map((reply) => (isErrorValue(reply) ? `(error) ${reply.message}` : typeof reply === 'string' ? reply : formatValue(reply))),
    };
    this.events.push(event);
    this.deps.onEvent?.(event);
    return event;
  }

  private async runLines(lines: readonly string[]): Promise<Value[]> {
    let commands: Buffer[][];
    try {
      commands = lines.map(parseCommandLine);
    } catch (error) {
      return lines.map(() => failed(error));
    }
    let replies: Value[];
    try {
      replies = await execPipeline(this.deps.checker, commands);
    } catch (error) {
      return lines.map(() => failed(error));
    }
    commands.forEach((args, i) => this.notePublish(args, replies[i]));
    return replies;
  }

  private notePublish(args: readonly Buffer[], reply: Value | undefined): void {
    const [name, channel, message] = args.map((arg) => arg.toString('utf8'));
    if (name?.toUpperCase() !== 'PUBLISH' || channel === undefined || message === undefined || typeof reply !== 'number') return;
    this.publishes.push({ channel, message, receivers: reply });
  }

  /** A tutor directive of an actor (lint lets only known ones through, and `!restart` only with requires: owned-server). */
  private async runDirective(name: string): Promise<string> {
    if (name !== 'restart') return `(failed) unknown directive !${name}`;
    if (!this.deps.restartServer) return '(failed) this attempt cannot restart the server';
    try {
      return await this.deps.restartServer();
    } catch (error) {
      return failed(error);
    }
  }
}

/** `{ after: MULTI }` matches MULTI; `{ after: CONFIG SET }` matches the subcommand too. */
export function actorCommandMatches(command: string, args: readonly string[]): boolean {
  return command
    .trim()
    .toUpperCase()
    .split(/\s+/)
    .every((word, i) => (args[i] ?? '').toUpperCase() === word);
}

function failed(error: unknown): string {
  return `(failed) ${errorMessage(error)}`;
}
