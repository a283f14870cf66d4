import type { Redis } from 'ioredis';
import { errorMessage } from '../errors.js';
import { sleep } from '../lib/async.js';
import { directiveName, type Actor } from '../course/schema.js';
import type { ActorEvent, ActorTriggerName, AttemptEvent } from './attempt-events.js';
import { execPipeline } from './checker-pipeline.js';
import { parseCommandLine } from './command-line.js';
import { formatValue } from './format-value.js';
import { isErrorValue, type Value } from './value.js';
import { labOnPort } from './topology/lab-registry.js';
import { runNodeDirective } from './topology/node-directives.js';

export interface ActorRunnerDependencies {
  checker: Redis;
  /** `!restart` in an actor's run: crash and restart the server with its data; says what happened. */
  restartServer?: () => Promise<string>;
  onEvent?: (event: AttemptEvent) => void;
  /** Someone watches (the tutor's screen): an actor waits its `delay` first. Grading and validate act at once. */
  paced?: boolean;
}

/** A `blocked` actor with no `delay:` waits this long on the learner's screen, so the learner sees the command wait before it is answered. */
export const DEFAULT_BLOCKED_DELAY_MS = 1000;

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
  private readonly running = new Map<number, Promise<ActorEvent | undefined>>();

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

  /** How long this actor waits before acting, on a paced attempt. */
  delayOf(actor: Actor): number {
    if (!this.deps.paced) return 0;
    return actor.delayMs ?? (actor.when.on === 'blocked' ? DEFAULT_BLOCKED_DELAY_MS : 0);
  }

  /**
   * Runs an actor for one trigger, after its delay; a call while it is still
   * waiting or acting gets that act's event instead of a second act.
   * `stillWanted` is asked once the delay is over: the trigger may have gone
   * meanwhile (the learner's BRPOP timed out or was interrupted), and then
   * the actor does not act (undefined).
   */
  fire(actor: Actor, stillWanted: () => boolean = () => true): Promise<ActorEvent | undefined> {
    const running = this.running.get(actor.index);
    if (running) return running;
    const acting = this.waitThenAct(actor, stillWanted).finally(() => this.running.delete(actor.index));
    this.running.set(actor.index, acting);
    return acting;
  }

  private async waitThenAct(actor: Actor, stillWanted: () => boolean): Promise<ActorEvent | undefined> {
    const delay = this.delayOf(actor);
    if (delay > 0) {
      await sleep(delay);
      if (!stillWanted()) return undefined;
    }
    this.acts.set(actor.index, (this.acts.get(actor.index) ?? 0) + 1);
    return this.act(actor);
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
      trigger: triggerName(actor.when),
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
    const lab = labOnPort(this.deps.checker.options.port);
    const onNode = lab ? await runNodeDirective(lab, name, this.deps.restartServer) : undefined;
    if (onNode !== undefined) return onNode;
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

/** The trigger as events and check labels name it: `blocked`, `after MULTI`, `printed "wrote order:1"`. */
export function triggerName(when: Actor['when']): ActorTriggerName {
  if (when.on === 'after') return `after ${when.command}`;
  if (when.on === 'printed') return `printed ${JSON.stringify(when.text)}`;
  return when.on;
}

function failed(error: unknown): string {
  return `(failed) ${errorMessage(error)}`;
}
