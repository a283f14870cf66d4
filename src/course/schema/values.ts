/** The values checks compare with: replies, Redis values, numeric comparisons and counts. */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';

function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A JavaScript regular expression, checked to compile (without flags). */
export const RegexSchema = z
  .string()
  .superRefine((pattern, ctx) => {
    const problem = regexError(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${problem}` });
  })
  .describe('A JavaScript regular expression. In YAML, quote it and double the backslashes: "^user:\\\\d+$".');

export const ReplyValueSchema = z
  .json()
  .describe('A reply as a plain value: string, number, null for nil, list for arrays and sets, map for RESP3 maps.');

/** A Redis value written in YAML: `"3"` and `3` both mean the bytes "3". */
export const ScalarSchema = z
  .union([z.string(), z.number()], { error: 'expected a string or a number' })
  .describe('A Redis value (string or number).');

export const RangeSchema = z
  .tuple([z.number(), z.number()], { error: 'expected [low, high], e.g. [1, 60]' })
  .refine(([low, high]) => low <= high, { error: 'the low end must not exceed the high end' })
  .describe('An inclusive range [low, high].');

const COMPARISON_KEYS = ['gt', 'gte', 'lt', 'lte', 'between'] as const;

export const ComparisonSchema = closedMap(
  'comparison',
  {
    gt: z.number().optional().describe('greater than'),
    gte: z.number().optional().describe('greater than or equal to'),
    lt: z.number().optional().describe('less than'),
    lte: z.number().optional().describe('less than or equal to'),
    between: RangeSchema.optional().describe('within [low, high], inclusive'),
  },
  'expected a comparison map such as { gte: 1 } or { between: [1, 60] }',
)
  .refine((map) => COMPARISON_KEYS.some((key) => map[key] !== undefined), {
    error: `expected at least one of ${COMPARISON_KEYS.join(', ')}`,
    ...onlyWhenValid,
  })
  .describe('A numeric comparison; all given bounds must hold.');

export const CountSchema = z
  .union([z.number().int().nonnegative(), ComparisonSchema], {
    error: 'expected a number or a comparison map such as { gte: 2 }',
  })
  .describe('An exact number, or a comparison map such as { gte: 2 }.');

export type ReplyValue = z.infer<typeof ReplyValueSchema>;
export type Scalar = z.infer<typeof ScalarSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
/** An exact number or a comparison map. */
export type Count = z.infer<typeof CountSchema>;
