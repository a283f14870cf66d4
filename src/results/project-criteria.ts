/**
 * The part of the grade report a project adds (`grade --project N`): the
 * workshop's criteria with their weights — functionality 40, code quality
 * 25, tests 15, documentation 10, extras 10. What a machine can judge it
 * scores (functionality from the stages, tests from the student's own
 * tests, documentation from the README's sections); code quality and extras
 * are left for the teacher, with what was measured, never faked.
 */
import { z } from 'zod';

const TextSchema = z.object({ en: z.string(), ru: z.string() }).describe('A text in English and Russian.');

export const PROJECT_CRITERIA = ['functionality', 'code-quality', 'tests', 'documentation', 'extras'] as const;
export type ProjectCriterionId = (typeof PROJECT_CRITERIA)[number];

/** The workshop's weights ("Критерии оценки"), in percent of the grade. */
export const CRITERION_WEIGHTS: Record<ProjectCriterionId, number> = { functionality: 40, 'code-quality': 25, tests: 15, documentation: 10, extras: 10 };

export const CriterionSchema = z
  .object({
    id: z.enum(PROJECT_CRITERIA),
    title: TextSchema,
    weight: z.number().positive().describe('Points this criterion is worth, of 100.'),
    judgedBy: z.enum(['machine', 'teacher']).describe('machine: points scored by the tester; teacher: points is null, for the teacher to give.'),
    points: z.number().nonnegative().nullable().describe('Points earned (rounded to 2 decimals); null when the teacher judges it.'),
    measured: TextSchema.describe('What the tester measured, for people: the facts behind the points, or for the teacher to judge with.'),
  })
  .describe('One of the workshop criteria.');

export const ProjectGradeSchema = z
  .object({
    id: z.string(),
    variant: z.number().int().positive(),
    title: TextSchema,
    criteria: z.array(CriterionSchema).describe('In the workshop order: functionality, code-quality, tests, documentation, extras.'),
    machine: z
      .object({
        earned: z.number().nonnegative(),
        possible: z.number().nonnegative().describe('The weights the tester judges: functionality, tests and documentation (65).'),
      })
      .describe('What the tester scored; the teacher adds code quality and extras.'),
  })
  .describe('With --project: the project and its criteria.');

export type Criterion = z.infer<typeof CriterionSchema>;
export type ProjectGrade = z.infer<typeof ProjectGradeSchema>;

export function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}
