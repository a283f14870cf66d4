/** `used:` and `notUsed:` items: a command name, or a command with arguments it must contain. */
import { z } from 'zod';
import { closedMap } from './closed-map.js';
import { RegexSchema } from './values.js';

/**
 * One argument as the learner types it. `-1` is read by YAML as a number,
 * hence numbers too. Arguments are split like redis-cli splits a line, so an
 * item with a space ("MAXLEN ~") could never match: refused, not silently false.
 */
const ArgumentTextSchema = z
  .string()
  .min(1, { error: 'expected an argument such as NX' })
  .refine((arg) => !/\s/.test(arg), { error: 'one argument per item — write [MAXLEN, "~"], not "MAXLEN ~"' })
  .describe('One whole argument, e.g. NX; compared case-insensitively.');

const ARGUMENT_ERROR = 'expected an argument such as NX or -1';

/*
 * The "one or a list" fields below are flat unions (not a union of a union and
 * a list): zod then reports a wrong item at its own index, e.g. used[1].
 */
const ArgumentsSchema = z.union(
  [
    ArgumentTextSchema,
    z.number(),
    z.array(z.union([ArgumentTextSchema, z.number()], { error: ARGUMENT_ERROR })).min(1, { error: 'expected at least one argument' }),
  ],
  { error: `${ARGUMENT_ERROR}, or a list of them` },
);

const PatternsSchema = z.union([RegexSchema, z.array(RegexSchema).min(1, { error: 'expected at least one regular expression' })], {
  error: 'expected a regular expression or a list of them',
});

const CommandNameSchema = z.string({ error: 'expected a command name such as INCR' }).min(1, { error: 'expected a command name such as INCR' });

export const CommandPatternSchema = closedMap(
  'command pattern field',
  {
    command: CommandNameSchema.describe('The command name; subcommands as `CONFIG SET`.'),
    with: ArgumentsSchema.optional().describe(
      'Arguments the command must contain, each as a whole argument, anywhere after the name, case-insensitively: [NX, EX].',
    ),
    withMatching: PatternsSchema.optional().describe(
      'Regular expressions (case-insensitive); each must match one of the arguments after the name. Anchor them: "^-\\\\d+$" matches a negative index such as -1.',
    ),
  },
  'expected a command name such as INCR or a map such as { command: SET, with: [NX, EX] }',
).describe('A command with arguments it must contain: { command: SET, with: [NX, EX] }.');

const COMMAND_ITEM_ERROR = 'expected a command name such as INCR or a map such as { command: SET, with: [NX, EX] }';

/** A bare name (any arguments) or a pattern; `INCR` means `{ command: INCR }`. */
export const CommandNamesSchema = z
  .union(
    [
      CommandNameSchema,
      CommandPatternSchema,
      z.array(z.union([CommandNameSchema, CommandPatternSchema], { error: COMMAND_ITEM_ERROR })).min(1, { error: 'expected at least one command' }),
    ],
    { error: 'expected a command name, a { command, with } map, or a list of them' },
  )
  .describe('A command name or { command: SET, with: [NX, EX] }, or a list of them; subcommands as `CONFIG SET`.');

type CommandPatternFile = z.infer<typeof CommandPatternSchema>;

/**
 * A command the learner ran, with arguments it must contain, as the loader
 * hands it out: a bare name in the YAML is a pattern with empty `with` and
 * `withMatching` (any arguments), and one item is a list of one.
 */
export interface CommandPattern {
  /** Upper-case, single-spaced: `INCR`, `CONFIG SET`. */
  command: CommandPatternFile['command'];
  /** Whole arguments, as written (`-1` as a string); compared case-insensitively. */
  with: string[];
  /** Regular expression sources; each must match some argument (case-insensitively). */
  withMatching: Array<z.infer<typeof RegexSchema>>;
}
