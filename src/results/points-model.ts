/**
 * The parts of the grade report an assignment adds (`grade --assignment`):
 * points per exercise and in total, the deadline and lateness. Zod schemas
 * as in ./report-model.ts, which puts them into the report.
 */
import { z } from 'zod';

export const ExercisePointsSchema = z
  .object({
    earned: z.number().nonnegative().describe('Points earned, before any late penalty; rounded to 2 decimals.'),
    possible: z.number().positive().describe('What the assignment gives the exercise.'),
    partial: z
      .object({
        passed: z.number().int().nonnegative().describe('Checks that passed.'),
        of: z.number().int().positive().describe("The exercise's checks, plus one when a problem besides them (a non-zero exit code, a timeout) failed it."),
      })
      .optional()
      .describe('A failed exercise with partial credit: earned = possible × passed / of.'),
  })
  .describe('With --assignment: the points of this exercise.');

export const SUBMITTED_AT_SOURCES = ['option', 'git', 'files'] as const;
export type SubmittedAtSource = (typeof SUBMITTED_AT_SOURCES)[number];

export const SubmittedAtSchema = z
  .object({
    time: z.string().describe('ISO 8601, UTC.'),
    source: z
      .enum(SUBMITTED_AT_SOURCES)
      .describe("option: --submitted-at; git: the commit time of HEAD of the submission's git repository; files: the newest modification time of its answer files."),
  })
  .describe('When the submission was made.');

export const LatenessSchema = z
  .object({
    days: z.number().int().positive().describe('Started days after the deadline (a minute late is 1).'),
    accepted: z.boolean().describe('false: the assignment refuses late work, and the submission gets no points.'),
    penalty: z.number().min(0).max(1).describe('The fraction of the points taken off: days × the penalty per day, at most 1; 1 when not accepted.'),
  })
  .describe('Present when the submission was made after the deadline.');

export const AssignmentPointsSchema = z.object({
  earned: z.number().nonnegative().describe('The exercises\' points added up, before the late penalty.'),
  penalty: z.number().nonnegative().describe('Points taken off for lateness.'),
  total: z.number().nonnegative().describe('earned − penalty: the grade.'),
  possible: z.number().nonnegative().describe("Every exercise's points, skipped ones (with --url) left out as in the score."),
});

export const AssignmentResultSchema = z
  .object({
    title: z.string(),
    file: z.string().describe('The assignment file as given to --assignment.'),
    deadline: z.string().optional().describe('ISO 8601, UTC.'),
    submittedAt: SubmittedAtSchema.optional().describe('With a deadline: when the submission was made; absent when nothing was submitted.'),
    late: LatenessSchema.optional(),
    points: AssignmentPointsSchema,
  })
  .describe('With --assignment: the assignment and the points.');

export type ExercisePoints = z.infer<typeof ExercisePointsSchema>;
export type SubmittedAt = z.infer<typeof SubmittedAtSchema>;
export type Lateness = z.infer<typeof LatenessSchema>;
export type AssignmentPoints = z.infer<typeof AssignmentPointsSchema>;
export type AssignmentResult = z.infer<typeof AssignmentResultSchema>;
