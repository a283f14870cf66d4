/** An exercise file, and the exercise the loader hands out. */
import { z } from 'zod';
import { ActorSchema, type Actor } from './actors.js';
import { CheckSchema, type Check } from './checks.js';
import { closedMap, onlyWhenValid } from './closed-map.js';
import { CounterExamplesSchema, type LoadedCounterExample } from './counter-examples.js';
import { FormatVersionSchema, IdSchema } from './file-fields.js';
import { ProgramSchema, type LoadedProgram } from './program.js';
import { RequirementSchema } from './requirement.js';
import type { Locate, ScriptLine } from './source-location.js';
import { TextSchema } from './texts.js';
import { TopologyFieldSchema } from './topology.js';

export const ExerciseFileSchema = closedMap('exercise field', {
  formatVersion: FormatVersionSchema,
  id: IdSchema,
  title: TextSchema.describe('The exercise title.'),
  docs: z.array(z.url({ error: 'expected a URL' })).optional().describe('Links to the official command pages.'),
  lesson: TextSchema.describe('The lesson, in Markdown.'),
  task: TextSchema.describe('The task, in Markdown.'),
  hints: z
    .array(TextSchema)
    .min(1, { error: 'expected at least one hint' })
    .describe('One or more hints, shown one at a time, from gentle to explicit.'),
  solution: z
    .string()
    .optional()
    .describe('The reference solution: redis-cli lines; # starts a comment line. Required unless the exercise asks for a program (program:).'),
  counterExamples: CounterExamplesSchema.optional(),
  program: ProgramSchema.optional(),
  setup: z.string().optional().describe("redis-cli lines run on the tutor's connection on a clean sandbox before the learner starts."),
  keys: z.array(z.string().min(1)).optional().describe('Keys the data panel shows (it also shows keys the learner touches).'),
  actors: z.array(ActorSchema).optional().describe('The other client the tutor plays.'),
  requires: RequirementSchema.optional(),
  topology: TopologyFieldSchema.optional(),
  checks: z
    .array(CheckSchema)
    .min(1, { error: 'expected at least one check' })
    .describe('One or more checks; all must pass.'),
})
  // A program exercise's reference solutions are its programs; a redis-cli solution is then optional.
  .refine((exercise) => exercise.solution !== undefined || exercise.program !== undefined, {
    error: 'missing — the reference solution as redis-cli lines (or, for an exercise that asks for a program, program: with a solution per language)',
    path: ['solution'],
    ...onlyWhenValid,
  })
  .meta({ anyOf: [{ required: ['solution'] }, { required: ['program'] }] })
  .describe('A redis-tutor exercise.');

export type ExerciseFile = z.infer<typeof ExerciseFileSchema>;

/**
 * An exercise as the loader hands it out: the texts, `solution` (comments
 * included; empty for a program exercise without one) and `setup` as
 * written, the lists always present, and what only loading knows (ids,
 * file, script lines, built actors and checks).
 */
export interface LoadedExercise
  extends Pick<ExerciseFile, 'title' | 'lesson' | 'task' | 'hints' | 'setup' | 'requires' | 'topology'>,
    Required<Pick<ExerciseFile, 'keys' | 'docs'>> {
  /** `module/exercise`, what progress and grading use. */
  id: string;
  /** The id inside the file, without the module. */
  localId: ExerciseFile['id'];
  moduleId: string;
  /** The redis-cli solution as written; '' when a program exercise has none (its solutions are programs). */
  solution: string;
  /** The NN of the file name. */
  number: number;
  /** Absolute path of the YAML file. */
  file: string;
  solutionLines: ScriptLine[];
  setupLines: ScriptLine[];
  actors: Actor[];
  checks: Check[];
  /** Typical wrong answers; empty when the exercise lists none. */
  counterExamples: LoadedCounterExample[];
  /** Set for an exercise that asks for a program: the languages it ships, with their files. */
  program?: LoadedProgram;
  locate: Locate;
}
