/** `counterExamples:`: typical wrong answers an exercise must reject, each with why it is wrong. */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';
import type { ScriptLine, SourceLocation } from './source-location.js';
import { TextSchema, type Text } from './texts.js';

export const CounterExampleSchema = closedMap(
  'counter-example field',
  {
    why: TextSchema.describe('Why the answer is wrong, for the course author reading `validate` (and, later, for the learner).'),
    solution: z
      .string()
      .min(1, { error: 'expected redis-cli lines: the wrong answer' })
      .optional()
      .describe('The wrong answer, in the form of `solution:`: redis-cli lines; # starts a comment line.'),
    program: z
      .string()
      .regex(/^programs\/[^/\\]+\/[^/\\]+\.(py|mjs)$/, { error: 'expected a .py or .mjs file in a programs/<exercise>/ folder beside the YAML' })
      .optional()
      .describe('The wrong answer as a program (a program exercise): a .py or .mjs file in programs/<exercise>/ beside the YAML, run like its solutions.'),
  },
  'expected { why, solution } or { why, program }',
)
  .refine((counterExample) => (counterExample.solution === undefined) !== (counterExample.program === undefined), {
    error: 'expected either solution (redis-cli lines) or program (a file), not both',
    ...onlyWhenValid,
  })
  .describe('A typical wrong answer: `validate --solutions` runs it like the reference solution and proves at least one check fails.');

export const CounterExamplesSchema = z
  .array(CounterExampleSchema)
  .min(1, { error: 'expected at least one counter-example (or leave the field out)' })
  .describe('Typical wrong answers, each proved to fail at least one check by `validate --solutions`.');

export type CounterExampleFile = z.infer<typeof CounterExampleSchema>;

/** A counter-example as the loader hands it out: its lines located like the reference solution's. */
export interface LoadedCounterExample {
  /** Position in `counterExamples` (0-based). */
  index: number;
  why: Text;
  /** Typed lines; empty for a program counter-example. */
  solution: string;
  solutionLines: ScriptLine[];
  /** A program counter-example's file: as written, and where it is. */
  program?: { path: string; absolutePath: string };
  /** Where the counter-example starts in the YAML file. */
  location: SourceLocation;
}
