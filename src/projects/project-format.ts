/**
 * A staged project as data (projects/NN-<id>/project.yaml): the learner's
 * program is a command-line app; each stage says what it must do and how the
 * tester checks it — steps that run the program with arguments against a
 * clean sandbox, each followed by the course's own checks (output, exitCode,
 * key, command...: src/course/schema/checks.ts), judged by the same engine.
 */
import { z } from 'zod';
import { CheckSchema, KEY_TYPES } from '../course/schema/checks.js';
import { closedMap } from '../course/schema/closed-map.js';
import { TextSchema } from '../course/schema/texts.js';

const ArgsSchema = z
  .array(z.union([z.string(), z.number()]).transform(String), { error: 'expected the arguments as a list, e.g. [visit, /home]' })
  .describe("Arguments after the learner's command, e.g. [visit, /home].");

const StepCommonShape = {
  redis: z
    .literal('unreachable', { error: 'expected unreachable (or no redis field)' })
    .optional()
    .describe("unreachable: the programs' REDIS_URL names a port nothing listens on (a refused connection)."),
  checks: z.array(CheckSchema).default([]).describe('What must hold after the step: the course checks (output, exitCode, key, command, ...).'),
};

const RunStepSchema = closedMap('run step field', {
  run: ArgsSchema.describe('Run the program once with these arguments and wait for it to end.'),
  ...StepCommonShape,
});

const ParallelStepSchema = closedMap('parallel step field', {
  parallel: z
    .array(ArgsSchema)
    .min(2, { error: 'a parallel step runs at least two programs' })
    .max(50, { error: 'at most 50 programs at once' })
    .describe('Start the program once per argument list, all at once, and wait for every one; output checks read all their outputs.'),
  ...StepCommonShape,
});

const ListenStepSchema = closedMap('listen step field', {
  listen: ArgsSchema.describe('Start the program as a listener; once it has subscribed, run `then`; the listener is judged by what it printed.'),
  then: z.array(ArgsSchema).min(1).describe('Runs, one after another, while the listener listens.'),
  ...StepCommonShape,
});

export const StepSchema = z
  .union([RunStepSchema, ParallelStepSchema, ListenStepSchema])
  .describe('One step of a stage test: run, parallel or listen.');

const SchemaKeySchema = closedMap('data schema field', {
  key: z.string().min(1).describe('The key name; <angle brackets> name the variable parts, e.g. visits:<page>.'),
  type: z.enum(KEY_TYPES),
  description: TextSchema,
});

const StageSchema = closedMap('stage field', {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a kebab-case id such as record-visit' }),
  title: TextSchema,
  description: TextSchema.describe('What to build in this stage: the subcommand, its arguments and its output.'),
  hint: TextSchema.optional().describe('Shown with a failure: where to look.'),
  setup: z.string().optional().describe('redis-cli lines run on the clean sandbox before the steps (the data this stage starts from).'),
  steps: z.array(StepSchema).min(1, { error: 'a stage needs at least one step' }),
});

export const ProjectFileSchema = closedMap('project field', {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'expected a kebab-case id such as visit-counter' }),
  variant: z.number().int().min(1).max(30).describe("The workshop's variant number (1-30)."),
  level: z.enum(['basic', 'intermediate', 'advanced']),
  title: TextSchema,
  summary: TextSchema,
  schema: z.array(SchemaKeySchema).min(1).describe('The data schema in Redis the stages rely on.'),
  stages: z.array(StageSchema).min(1, { error: 'a project needs at least one stage' }),
});

export type ProjectFile = z.infer<typeof ProjectFileSchema>;
export type StepFile = z.infer<typeof StepSchema>;
export type StageFile = z.infer<typeof StageSchema>;
