/** `counterExamples:`: typical wrong answers an exercise must reject, each with why it is wrong. */
import { z } from 'zod';
import { closedMap } from './closed-map.js';
import type { ScriptLine, SourceLocation } from './source-location.js';
import { TextSchema, type Text } from './texts.js';

export const CounterExampleSchema = closedMap(
  'counter-example field',
  {
    why: TextSchema.describe('Why the answer is wrong, for the course author reading `validate` (and, later, for the learner).'),
    solution: z
      .string()
      .min(1, { error: 'expected redis-cli lines: the wrong answer' })
      .describe('The wrong answer, in the form of `solution:`: redis-cli lines; # starts a comment line.'),
  },
  'expected { why, solution }',
).describe('A typical wrong answer: `validate --solutions` runs it like the reference solution and proves at least one check fails.');

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
  solution: CounterExampleFile['solution'];
  solutionLines: ScriptLine[];
  /** Where the counter-example starts in the YAML file. */
  location: SourceLocation;
}
