/**
 * `requires`: what a module or an exercise needs of the server — a newer
 * Redis or Valkey, a command, a server redis-tutor started itself. The tutor
 * marks an exercise the server in use cannot run, and validate and grade
 * skip it with the reason (../requirement-fit.ts decides).
 */
import { z } from 'zod';
import { closedMap } from './closed-map.js';

/** The old single-word form, still read: the same as `{ server: owned }`. */
export const OWNED_SERVER = 'owned-server';

/**
 * Quoted on purpose: YAML reads an unquoted 7.10 as the number 7.1, so
 * numbers are refused rather than silently misread.
 */
const VersionSchema = z
  .string({ error: 'expected a version in quotes, e.g. "7.4" (unquoted, YAML reads 7.10 as the number 7.1)' })
  .regex(/^\d+(\.\d+){0,2}$/, { error: 'expected a version such as "7.4" or "8.0.2"' });

/** `HEXPIRE`, or a subcommand as `CLIENT NO-TOUCH` / `CLIENT|NO-TOUCH`. */
const CommandNameSchema = z
  .string({ error: 'expected a command name such as HEXPIRE' })
  .regex(/^[A-Za-z][\w.-]*(?:[ |][A-Za-z][\w.-]*)?$/, { error: 'expected a command name such as HEXPIRE, or a subcommand such as "CLIENT NO-TOUCH"' });

export const RequirementMapSchema = closedMap('requires field', {
  redis: VersionSchema.optional().describe(
    'The oldest Redis that runs it, e.g. "7.4". Valkey, when `valkey` is not given, is held to its Redis-compatible version (7.2.4).',
  ),
  valkey: VersionSchema.optional().describe('The oldest Valkey that runs it, e.g. "8.1". When only `valkey` is given, Redis cannot run it.'),
  commands: z
    .array(CommandNameSchema)
    .min(1, { error: 'expected at least one command' })
    .optional()
    .describe('Commands the server must know (asked with COMMAND INFO), e.g. [HEXPIRE] or ["CLIENT NO-TOUCH"].'),
  server: z
    .literal('owned', { error: 'expected owned' })
    .optional()
    .describe('owned: needs a server redis-tutor started itself (FLUSHALL, SAVE, restarts, persistence settings); skipped with a note under --url.'),
  tls: z
    .literal(true, { error: 'expected true' })
    .optional()
    .describe(
      'true: a TLS lab. For this exercise the tutor opens a tls-port on its own server, with a throwaway CA and certificate made by openssl; programs get REDIS_TLS_URL (rediss://) and REDIS_TLS_CA. Implies server: owned; skipped on a redis-server built without TLS.',
    ),
});

export const RequirementSchema = z
  .union([z.literal(OWNED_SERVER), RequirementMapSchema], {
    error: 'expected owned-server, or a map such as { redis: "7.4", valkey: "9.0", commands: [HEXPIRE], server: owned }',
  })
  .describe(
    'What the server must offer. owned-server (the same as { server: owned }): a server redis-tutor started itself. ' +
      'A map: redis / valkey (the oldest versions that run it), commands (that the server must know), server: owned, tls: true (a TLS port for the exercise). ' +
      'An exercise adds to what its module requires.',
  );

export type Requirement = z.infer<typeof RequirementSchema>;
