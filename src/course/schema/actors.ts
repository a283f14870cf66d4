/** Actors: the other client the tutor plays during an exercise, and the directives their scripts may hold. */
import { z } from 'zod';
import { closedMap } from './closed-map.js';
import type { ScriptLine, SourceLocation } from './source-location.js';
import { TextSchema } from './texts.js';

/**
 * What an actor's `run` may hold besides redis-cli lines: a line starting
 * with `!` is a directive to the tutor, never sent to Redis.
 * - `!restart`: the server crashes (nothing is saved on the way down) and
 *   starts again in the same directory, loading what was saved (dump.rdb).
 *   Needs `requires: owned-server`.
 * - In an exercise with `topology:`, on a node by name (master, replica-1,
 *   node-2, sentinel-1, server): `!kill NODE` (SIGKILL), `!pause NODE`
 *   (SIGSTOP), `!resume NODE`, `!restart NODE` (with its data),
 *   `!wait-bgsave NODE` (until its background save is done), and
 *   `!wait-failover` (until the sentinels name a new master that says so).
 */
export const ACTOR_DIRECTIVES = ['restart'] as const;

/** The directives on a lab's nodes, as lint lists them. */
export const NODE_DIRECTIVES = ['kill NODE', 'pause NODE', 'resume NODE', 'restart NODE', 'wait-bgsave NODE', 'wait-failover'] as const;
const NODE_DIRECTIVE_PATTERN = /^(?:(?:kill|pause|resume|restart|wait-bgsave) (?:master|server|(?:replica|sentinel|node)-\d+)|wait-failover)$/;
export type ActorDirective = (typeof ACTOR_DIRECTIVES)[number];

/** `!restart` → `restart`; undefined for a redis-cli line. An unknown name comes back as written (lint reports it). */
export function directiveName(line: string): string | undefined {
  const trimmed = line.trim();
  return trimmed.startsWith('!') ? trimmed.slice(1) : undefined;
}

export function isActorDirective(name: string): boolean {
  return (ACTOR_DIRECTIVES as readonly string[]).includes(name) || NODE_DIRECTIVE_PATTERN.test(name);
}

/** Moments the learner's connection is in, named by a word. */
const ActorStateSchema = z.enum(['blocked', 'subscribed']);

const AfterCommandSchema = closedMap('trigger', { after: z.string().min(1).describe('A command name, e.g. MULTI') }, 'expected { after: COMMAND }');

/**
 * A program answer printed a line holding this text. On a lab the program's
 * commands to other nodes (the master a Sentinel named, a cluster node) do not
 * pass the tutor's tap, so what it prints is the moment it can be acted on.
 */
const PrintedSchema = closedMap('trigger', { printed: z.string().min(1).describe('Text a line of the program\'s output holds, e.g. "wrote order:1"') }, 'expected { printed: TEXT }');

/** `when:` of an actor (and `acted:` of a check, which names an actor by it). */
export const ActorWhenSchema = z
  .union([ActorStateSchema, AfterCommandSchema, PrintedSchema], { error: 'expected blocked, subscribed, { after: COMMAND } or { printed: TEXT }' })
  .describe(
    "blocked: the learner's connection waits in a blocking command; subscribed: it subscribed; { after: CMD }: right after the learner's CMD was answered; { printed: TEXT }: a program answer printed a line holding TEXT (typed lines print nothing it reads).",
  );

/** The longest an actor may wait before acting: a moment to see, not a pause that looks like a hang. */
export const MAX_ACTOR_DELAY_MS = 10_000;

const DELAY_PATTERN = /^(\d+(?:\.\d+)?)\s*(ms|s)$/;

/** `1.5s` → 1500, `300ms` → 300, `0` → 0; undefined for anything else (the schema reports it). */
export function parseActorDelay(text: string | number): number | undefined {
  if (text === 0) return 0;
  const match = typeof text === 'string' ? DELAY_PATTERN.exec(text.trim()) : null;
  if (!match) return undefined;
  const ms = Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
  return ms <= MAX_ACTOR_DELAY_MS ? ms : undefined;
}

const ActorDelaySchema = z
  .union([z.literal(0), z.string().regex(DELAY_PATTERN)], { error: 'expected a time such as 1.5s or 300ms, or 0' })
  .refine((text) => parseActorDelay(text) !== undefined, { error: `at most ${MAX_ACTOR_DELAY_MS / 1000}s` })
  .describe(
    'How long the tutor waits on the learner\'s screen before acting, e.g. 1.5s or 300ms, or 0. Default: 1s for blocked (the learner sees the command wait), none otherwise. Grading and validate act at once.',
  );

export const ActorSchema = closedMap('actor field', {
  when: ActorWhenSchema,
  run: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected redis-cli lines' })
    .describe(
      'One or more redis-cli lines the tutor runs on its own connection. A line starting with ! is a tutor directive: !restart crashes the server (no save on the way down) and restarts it with what was saved; it needs requires: owned-server. With topology: !kill NODE, !pause NODE, !resume NODE, !restart NODE, !wait-bgsave NODE and !wait-failover.',
    ),
  say: TextSchema.describe('What the learner is told the other client did.'),
  delay: ActorDelaySchema.optional(),
}).describe('The other client the tutor plays; it acts each time its trigger happens (a program\'s run: once).');

export type ActorFile = z.infer<typeof ActorSchema>;

/** `when:` as the loader hands it out; the command of `{ after: CMD }` upper-cased like recorded commands. */
export type ActorTrigger =
  | { on: z.infer<typeof ActorStateSchema> }
  | { on: 'after'; command: z.infer<typeof AfterCommandSchema>['after'] }
  | { on: 'printed'; text: z.infer<typeof PrintedSchema>['printed'] };

/** `when:` as written → the loader's trigger (commands upper-cased by `normalize`, as recorded commands are). */
export function actorTrigger(when: z.infer<typeof ActorWhenSchema>, normalize: (command: string) => string): ActorTrigger {
  if (typeof when === 'string') return { on: when };
  return 'after' in when ? { on: 'after', command: normalize(when.after) } : { on: 'printed', text: when.printed };
}

/** An actor as the loader hands it out: `say` as written, `run` split into lines, and its place in the file. */
export interface Actor extends Pick<ActorFile, 'say'> {
  when: ActorTrigger;
  /** redis-cli lines and `!` directives (see ACTOR_DIRECTIVES), in order. */
  run: ScriptLine[];
  /** `delay:` in milliseconds, when written; the engine's default otherwise. */
  delayMs?: number;
  index: number;
  location: SourceLocation;
}
