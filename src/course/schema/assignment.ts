/**
 * An assignment file (YAML): the exercises a teacher asks for, their points
 * and the deadline. `redis-tutor grade --assignment FILE` reads it
 * (src/grade/assignment.ts resolves its ids against the course);
 * schema/assignment.schema.json is generated from this schema.
 */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';

const PointsSchema = z
  .number({ error: 'expected a number of points, e.g. 2 or 0.5' })
  .positive({ error: 'must be more than 0' })
  .max(1000, { error: 'must be at most 1000' })
  .describe('Points the exercise is worth (default 1).');

const PartialSchema = z
  .boolean()
  .describe('Partial credit: points × checks passed / all checks (default false: all the points or none).');

const ExerciseIdSchema = z.string().min(1).describe('An exercise id as `redis-tutor list` shows it: MODULE/EXERCISE, or EXERCISE when no other module has one so named.');

const ExerciseEntrySchema = z
  .union([
    ExerciseIdSchema,
    closedMap('exercise entry field', { id: ExerciseIdSchema, points: PointsSchema.optional(), partial: PartialSchema.optional() }),
    closedMap('module entry field', {
      module: z.string().min(1).describe('A module id: every exercise of the module, each worth `points`.'),
      points: PointsSchema.optional(),
      partial: PartialSchema.optional(),
    }),
  ])
  .describe('An exercise (an id, or { id, points, partial }) or a whole module ({ module, points, partial }). An exercise named on its own overrides its module entry.');

const LateSchema = closedMap('late field', {
  accept: z.boolean().optional().describe('false: a submission after the deadline gets no points. Default true.'),
  penalty: z
    .number({ error: 'expected a fraction, e.g. 0.2 for a fifth of the points per day' })
    .min(0, { error: 'must be from 0 to 1' })
    .max(1, { error: 'must be from 0 to 1' })
    .optional()
    .describe('The fraction of the points taken off per started day after the deadline, e.g. 0.2 (a day late: 80% of the points; five days: none). Default 0.'),
})
  .refine((late) => !(late.accept === false && late.penalty !== undefined), {
    error: 'give either accept: false (late work gets no points) or a penalty per day, not both',
    ...onlyWhenValid,
  })
  .describe('What a late submission gets. Without it, lateness is reported but costs nothing.');

/** ISO 8601 with a time zone, seconds optional: a deadline without a zone means a different moment on every grader's machine. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_TIME_ERROR = 'expected an ISO date-time with a time zone, e.g. 2025-03-14T23:59:00+03:00 or 2025-03-14T20:59Z';

export const DateTimeSchema = z
  .string({ error: DATE_TIME_ERROR })
  .regex(ISO_DATE_TIME, { error: DATE_TIME_ERROR })
  .refine((text) => !Number.isNaN(Date.parse(text)), { error: 'not a date that exists (check the month and day)' });

const DeadlineSchema = DateTimeSchema.describe('When the assignment is due: an ISO 8601 date-time with a time zone (Z or +03:00).');

export const AssignmentFileSchema = closedMap('assignment field', {
  title: z.string().min(1, { error: 'must not be empty' }).describe('The assignment as students know it, e.g. "Week 3: strings and hashes".'),
  exercises: z.array(ExerciseEntrySchema).min(1, { error: 'expected at least one exercise' }).describe('What is graded, in any order; everything else of the course is left out of the report.'),
  deadline: DeadlineSchema.optional(),
  late: LateSchema.optional(),
})
  .refine((assignment) => assignment.late === undefined || assignment.deadline !== undefined, {
    error: 'late needs a deadline to be late for',
    path: ['late'],
    ...onlyWhenValid,
  })
  .describe('A redis-tutor assignment: the exercises graded with `redis-tutor grade --assignment FILE`, their points and the deadline.');

export type AssignmentFile = z.infer<typeof AssignmentFileSchema>;
export type AssignmentEntry = AssignmentFile['exercises'][number];
