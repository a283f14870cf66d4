import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Assignment } from '../../src/grade/assignment.js';
import { applyAssignment } from '../../src/grade/assignment-points.js';
import { reporters } from '../../src/grade/reporters.js';
import type { ExerciseGrade, GradeReport } from '../../src/results/report-model.js';
import { SAMPLE_REPORT } from './support/sample-report.js';

/**
 * The documented shapes, written from the platforms' docs (strict: a field
 * they do not define is a mistake here).
 */

/** Gradescope, gradescope/autograder_samples docs/specs.md ("Output Format"). */
const GradescopeVisibility = z.enum(['hidden', 'after_due_date', 'after_published', 'visible']);
const GradescopeFormat = z.enum(['text', 'html', 'simple_format', 'md', 'ansi']);
const GradescopeResults = z
  .object({
    score: z.number().optional(),
    execution_time: z.number().optional(),
    output: z.string().optional(),
    output_format: GradescopeFormat.optional(),
    test_output_format: GradescopeFormat.optional(),
    test_name_format: GradescopeFormat.optional(),
    visibility: GradescopeVisibility.optional(),
    stdout_visibility: GradescopeVisibility.optional(),
    extra_data: z.record(z.string(), z.unknown()).optional(),
    tests: z
      .array(
        z
          .object({
            score: z.number().optional(),
            max_score: z.number().optional(),
            status: z.enum(['passed', 'failed']).optional(),
            name: z.string().optional(),
            name_format: GradescopeFormat.optional(),
            number: z.string().optional(),
            output: z.string().optional(),
            output_format: GradescopeFormat.optional(),
            tags: z.array(z.string()).optional(),
            visibility: GradescopeVisibility.optional(),
            extra_data: z.record(z.string(), z.unknown()).optional(),
          })
          .strict(),
      )
      .optional(),
    leaderboard: z.array(z.object({ name: z.string(), value: z.union([z.number(), z.string()]), order: z.enum(['asc', 'desc']).optional() }).strict()).optional(),
  })
  .strict()
  // "score ... optional, but required if not on each test case"
  .refine((results) => results.score !== undefined || (results.tests ?? []).every((test) => test.score !== undefined), 'score is required when a test has none');

/** Exercism, exercism/docs building/tooling/test-runners/interface.md, version 3. */
const ExercismStatus = z.enum(['pass', 'fail', 'error']);
const ExercismResults = z
  .object({
    version: z.literal(3),
    status: ExercismStatus,
    message: z.string().max(65535).nullable().optional(),
    tests: z
      .array(
        z
          .object({
            name: z.string(),
            status: ExercismStatus,
            message: z.string().nullable().optional(),
            output: z.string().max(500).nullable().optional(),
            test_code: z.string(),
            task_id: z.number().int().positive().optional(),
          })
          .strict()
          .refine((test) => test.status === 'pass' || (test.message ?? '') !== '', 'message is required for fail and error'),
      )
      .optional(),
  })
  .strict()
  .refine((results) => results.status !== 'error' || (results.message ?? '') !== '', 'message is required for error')
  .refine((results) => results.status === 'error' || results.tests !== undefined, 'tests are required for pass and fail')
  .refine((results) => results.status !== 'pass' || (results.tests ?? []).every((test) => test.status === 'pass'), 'pass: every test passed')
  .refine((results) => results.status !== 'fail' || (results.tests ?? []).some((test) => test.status !== 'pass'), 'fail: a test failed or errored');

/** GitHub Classroom: what autograding-command-grader's generateResult() encodes and autograding-grading-reporter decodes. */
const ClassroomStatus = z.enum(['pass', 'fail', 'error']);
const ClassroomResult = z
  .object({
    version: z.literal(1),
    status: ClassroomStatus,
    max_score: z.number().nonnegative(),
    tests: z.array(
      z
        .object({
          name: z.string(),
          status: ClassroomStatus,
          score: z.number().nonnegative(),
          message: z.string(),
          test_code: z.string(),
          filename: z.string(),
          line_no: z.number().int(),
          duration: z.number().nonnegative(),
        })
        .strict(),
    ),
  })
  .strict();

/** The reporter's own decoding (src/main.js parseRunnerResults): base64 → UTF-8 → JSON. */
function decodeClassroom(text: string): unknown {
  expect(text).toMatch(/^[A-Za-z0-9+/]+=*\n$/);
  return JSON.parse(Buffer.from(text.trim(), 'base64').toString('utf-8'));
}

/** The sample report graded for an assignment, as in reporters-points.test.ts: 2 points an exercise, partial credit on the program, a day late at 20%. */
const grades = SAMPLE_REPORT.modules.flatMap((module) => module.exercises);
const ASSIGNMENT: Assignment = {
  title: 'Week 1: basics',
  file: 'week1.yaml',
  exercises: new Map(grades.map((grade) => [grade.id, { id: grade.id, points: 2, partial: grade.id === 'basics/worker', checkCount: 1 }])),
  deadline: new Date('2025-03-14T20:59:00Z'),
  late: { accept: true, penaltyPerDay: 0.2 },
};
const POINTS_REPORT = applyAssignment(SAMPLE_REPORT, ASSIGNMENT, { time: '2025-03-15T08:30:00.000Z', source: 'git' });

const en = { language: 'en' as const, color: false };

function withExercises(exercises: ExerciseGrade[]): GradeReport {
  return { ...SAMPLE_REPORT, modules: [{ ...SAMPLE_REPORT.modules[0]!, exercises }] };
}

const renders = [
  { name: 'sample', report: SAMPLE_REPORT, language: 'en', prefix: '' },
  { name: 'sample', report: SAMPLE_REPORT, language: 'ru', prefix: '' },
  { name: 'with points', report: POINTS_REPORT, language: 'en', prefix: 'points.' },
] as const;

describe('gradescope', () => {
  it.each(renders)('$name ($language) matches its golden file and the documented shape', async ({ report, language, prefix }) => {
    const text = reporters.gradescope(report, { language, color: false });
    GradescopeResults.parse(JSON.parse(text));
    await expect(text).toMatchFileSnapshot(`golden/${prefix}gradescope.${language}.json`);
  });

  it('scores 1 an exercise without an assignment; not submitted is a failed 0 and skipped is left out', () => {
    const results = GradescopeResults.parse(JSON.parse(reporters.gradescope(SAMPLE_REPORT, en)));
    expect(results.score).toBe(1);
    expect(results.tests).toHaveLength(8);
    expect(results.tests?.find((test) => test.name?.startsWith('basics/sets '))).toMatchObject({ score: 0, max_score: 1, status: 'failed', output: 'not submitted' });
    expect(results.tests?.some((test) => test.name?.startsWith('basics/persistence '))).toBe(false);
    expect(results.output).toContain('basics/persistence: skipped: needs a server');
  });

  it("with an assignment, the top-level score is the total after the late penalty and each test has the exercise's points", () => {
    const results = GradescopeResults.parse(JSON.parse(reporters.gradescope(POINTS_REPORT, en)));
    expect(results.score).toBe(POINTS_REPORT.assignment?.points.total);
    expect(results.tests?.every((test) => test.max_score === 2)).toBe(true);
    expect(results.tests?.find((test) => test.name?.startsWith('basics/worker '))?.score).toBe(1);
  });
});

describe('exercism', () => {
  it.each(renders)('$name ($language) matches its golden file and the documented shape', async ({ report, language, prefix }) => {
    const text = reporters.exercism(report, { language, color: false });
    ExercismResults.parse(JSON.parse(text));
    await expect(text).toMatchFileSnapshot(`golden/${prefix}exercism.${language}.json`);
  });

  it('fails when a test failed; checks that never ran are an error, failing checks a fail; task_id is the module', () => {
    const results = ExercismResults.parse(JSON.parse(reporters.exercism(SAMPLE_REPORT, en)));
    expect(results.status).toBe('fail');
    expect(results.message).toBeUndefined();
    expect(results.tests?.map((test) => [test.name.split(' ')[0], test.status, test.task_id])).toEqual([
      ['basics/counter', 'pass', 1],
      ['basics/greeting', 'fail', 1],
      ['basics/queue', 'error', 1],
      ['basics/worker', 'fail', 1],
      ['basics/profile', 'error', 1],
      ['basics/sets', 'fail', 1],
      ['extra/list', 'fail', 2],
      ['extra/wait-for-job', 'fail', 2],
    ]);
  });

  it('is an error with a message when nothing was graded, or every test errored', () => {
    const nothing = ExercismResults.parse(JSON.parse(reporters.exercism(withExercises([grades[5]!]), en)));
    expect(nothing).toMatchObject({ status: 'error', message: 'No answer was found: nothing was graded.', tests: [] });
    const errored = ExercismResults.parse(JSON.parse(reporters.exercism(withExercises([grades[2]!, grades[4]!]), en)));
    expect(errored.status).toBe('error');
    expect(errored.message).toContain('basics/queue — A queue: the answer did not finish within 10 s');
  });

  it('passes when every graded exercise passed', () => {
    expect(ExercismResults.parse(JSON.parse(reporters.exercism(withExercises([grades[0]!, grades[5]!]), en))).status).toBe('pass');
  });

  it("cuts a program's output to 500 characters with Exercism's notice, and the top-level message to 65535 bytes", () => {
    const worker = grades[3]!;
    const long = { ...worker, output: { ...worker.output!, text: 'й'.repeat(2000) } };
    const huge = { ...grades[2]!, problem: { ...grades[2]!.problem!, message: 'я'.repeat(40000) } };
    const outputs = ExercismResults.parse(JSON.parse(reporters.exercism(withExercises([long]), en)));
    expect(outputs.tests?.[0]?.output).toHaveLength(500);
    expect(outputs.tests?.[0]?.output).toMatch(/\nOutput was truncated\. Please limit to 500 chars$/);
    const message = ExercismResults.parse(JSON.parse(reporters.exercism(withExercises([huge]), en))).message ?? '';
    expect(new TextEncoder().encode(message).length).toBeLessThanOrEqual(65535);
    expect(new TextEncoder().encode(message).length).toBeGreaterThan(65530);
  });
});

describe('classroom', () => {
  it.each(renders)('$name ($language) decodes to its golden file and the documented shape', async ({ report, language, prefix }) => {
    const result = decodeClassroom(reporters.classroom(report, { language, color: false }));
    ClassroomResult.parse(result);
    await expect(`${JSON.stringify(result, null, 2)}\n`).toMatchFileSnapshot(`golden/${prefix}classroom.${language}.json`);
  });

  it("adds up as the reporter does: the tests' scores over max_score", () => {
    const plain = ClassroomResult.parse(decodeClassroom(reporters.classroom(SAMPLE_REPORT, en)));
    expect(plain).toMatchObject({ status: 'fail', max_score: 8 });
    expect(plain.tests.reduce((sum, test) => sum + test.score, 0)).toBe(1);
    expect(plain.tests.find((test) => test.name.startsWith('basics/sets '))).toMatchObject({ status: 'fail', score: 0, message: 'not submitted' });
  });

  it('takes the late penalty off each score, so the sum is the assignment total', () => {
    const result = ClassroomResult.parse(decodeClassroom(reporters.classroom(POINTS_REPORT, en)));
    const { total, possible } = POINTS_REPORT.assignment!.points;
    expect(result.max_score).toBe(possible);
    expect(result.tests.reduce((sum, test) => sum + test.score, 0)).toBeCloseTo(total, 1);
  });

  it('is an error when nothing was graded, and a pass when all passed', () => {
    expect(ClassroomResult.parse(decodeClassroom(reporters.classroom(withExercises([grades[5]!]), en)))).toMatchObject({ status: 'error', max_score: 0, tests: [] });
    expect(ClassroomResult.parse(decodeClassroom(reporters.classroom(withExercises([grades[0]!]), en))).status).toBe('pass');
  });
});
