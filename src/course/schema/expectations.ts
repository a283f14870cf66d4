/** Expectations about a reply: `expect:` of a command check, `message:` of a published check. */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';
import { CountSchema, RangeSchema, RegexSchema, ReplyValueSchema, type ReplyValue } from './values.js';

export const EXPECTATION_KEYS = [
  'equals',
  'oneOf',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'nil',
  'error',
  'ok',
  'length',
  'contains',
  'sameMembers',
  'path',
] as const;
export type ExpectationKey = (typeof EXPECTATION_KEYS)[number];

export const ExpectationMapSchema = closedMap('expectation', {
  equals: ReplyValueSchema.optional().describe('The reply equals this (deep; 3 and "3" are equal).'),
  oneOf: z.array(ReplyValueSchema).min(1).optional().describe('The reply equals one of these.'),
  matches: RegexSchema.optional().describe('The reply, as text, matches this regular expression.'),
  gt: z.number().optional().describe('The reply, as a number, is greater than this.'),
  gte: z.number().optional().describe('The reply, as a number, is greater than or equal to this.'),
  lt: z.number().optional().describe('The reply, as a number, is less than this.'),
  lte: z.number().optional().describe('The reply, as a number, is less than or equal to this.'),
  between: RangeSchema.optional().describe('The reply, as a number, lies in [low, high] (inclusive).'),
  nil: z.boolean().optional().describe('true: the reply is nil; false: it is not.'),
  error: z
    .union([z.literal(true), RegexSchema], { error: 'expected true or a regular expression the error text must match' })
    .optional()
    .describe('true: the reply is an error; a pattern: an error whose text matches it.'),
  ok: z.boolean().optional().describe('true: the reply is not an error.'),
  length: CountSchema.optional().describe('Items of an array or bytes of a string: a number or a comparison map.'),
  contains: ReplyValueSchema.optional().describe(
    'Array reply: includes this value, or each value of a list. Text reply: contains the substring (or each of a list).',
  ),
  sameMembers: z.array(ReplyValueSchema).optional().describe('Array reply: exactly these items, in any order.'),
  path: z
    .array(z.union([z.number().int().nonnegative(), z.string()], { error: 'expected an array index or a field name' }))
    .min(1)
    .optional()
    .describe('First go into the reply: a number indexes an array, a text picks a map field (also a flat [field, value, ...] array).'),
})
  .refine((map) => EXPECTATION_KEYS.some((key) => key !== 'path' && key in map), {
    error: `expected at least one expectation (${EXPECTATION_KEYS.filter((key) => key !== 'path').join(', ')})`,
    ...onlyWhenValid,
  })
  .describe('Expectations about the reply; all must hold.');

const PlainReplySchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(ReplyValueSchema)]);

/**
 * A map is always read as expectations, so a typo like `equal:` is reported
 * instead of silently comparing the reply with `{ equal: ... }`.
 */
export const ExpectSchema = z
  .union([ExpectationMapSchema, PlainReplySchema], {
    error: 'expected a plain value (shorthand for equals) or a map of expectations',
  })
  .describe('A plain value (shorthand for equals) or a map of expectations, all of which must hold. To compare with a map reply write equals: {...}.');

export type ExpectationMap = z.infer<typeof ExpectationMapSchema>;

/**
 * Expectations with the shorthands expanded: a plain `expect: 3` becomes
 * `{ equals: 3 }` and `contains` is always a list (each item must be contained).
 */
export type Expectation = Omit<ExpectationMap, 'contains'> & { contains?: ReplyValue[] };
