/**
 * The result model of an exercise as data, shared by `grade` (every
 * reporter: pretty, json, junit, tap, github; `--reporter json` prints it as
 * is) and `validate` (which fills the same ExerciseGrade for each reference
 * solution). The zod schemas
 * are the single source of truth: the TypeScript types are inferred from
 * them and docs/grade-report.schema.json is generated from them.
 *
 * Change GRADE_REPORT_SCHEMA_VERSION when a field changes meaning or goes
 * away; adding an optional field keeps the version. Version 2: with
 * --assignment, `modules` hold only the assignment's exercises, which carry
 * `points`, and `assignment` has the total, the deadline and lateness.
 * With --project, `modules` holds one module, the project, whose exercises
 * are its stages, and `project` has the workshop's criteria.
 */
import { z } from 'zod';
import type { CheckResult } from './check-result.js';
import { AssignmentResultSchema, ExercisePointsSchema } from './points-model.js';
import { ProjectGradeSchema } from './project-criteria.js';

export const GRADE_REPORT_SCHEMA_VERSION = 2;

const BilingualTextSchema = z.object({ en: z.string(), ru: z.string() }).describe('A text in English and Russian.');

/** Mirrors CheckResult of src/engine/result.ts: the engine's results go into the report unchanged. */
export const CheckResultSchema = z
  .object({
    index: z.number().int().nonnegative().describe('Position of the check in the exercise (0-based).'),
    description: BilingualTextSchema.describe('The checklist item.'),
    hidden: z.boolean().optional().describe("true for a teacher's hidden check: students see it only counted, the teacher's reports in full."),
    passed: z.boolean(),
    expected: BilingualTextSchema.optional().describe(
      'What the check wanted, for people, in both languages; values quoted from Redis read the same in both, e.g. {"en": "a number > 10", "ru": "число > 10"}.',
    ),
    found: BilingualTextSchema.optional().describe('What the server had, for people, in both languages, e.g. {"en": "the key does not exist", "ru": "ключ не существует"}.'),
    error: BilingualTextSchema.optional().describe(
      "The check could not be carried out, in both languages; a message from the server, the OS or a js check's author is the same in both.",
    ),
  })
  .describe('One check of the exercise, as the engine concluded it.');

export const PROBLEM_CODES = [
  'timeout',
  'checks-timeout',
  'server-stopped',
  'server-hung',
  'memory-limit',
  'output-limit',
  'exit-code',
  'could-not-run',
  'several-answers',
  'grader-error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const ProblemSchema = z
  .object({
    code: z.enum(PROBLEM_CODES).describe(
      'timeout: the answer did not finish in time; checks-timeout: the checks could not finish (the server stopped answering); ' +
        'server-stopped: the Redis server stopped during the answer (SHUTDOWN, a crash); server-hung: it stopped answering (CLIENT PAUSE, a script that cannot be killed) and was restarted; memory-limit: the server used too much memory; ' +
        'output-limit: the program printed too much; exit-code: the program exited with a non-zero code or a signal; ' +
        'could-not-run: the program could not be started; several-answers: more than one file answers the exercise; ' +
        'grader-error: the grader could not prepare the exercise.',
    ),
    message: z.string().describe('The problem in English, one sentence.'),
    seconds: z.number().optional().describe('timeout, checks-timeout: the limit that was exceeded.'),
    line: z.number().int().positive().optional().describe('timeout of a .redis answer: the line that was running.'),
    command: z.string().optional().describe('timeout of a .redis answer: the text of that line.'),
    bytes: z.number().int().nonnegative().optional().describe('memory-limit, output-limit: the limit that was exceeded.'),
    exitCode: z.number().int().optional().describe('exit-code: the exit code.'),
    signal: z.string().optional().describe('exit-code: the signal that ended the program.'),
    files: z.array(z.string()).optional().describe('several-answers: the files, relative to the submission.'),
  })
  .describe('Why an exercise failed besides (or instead of) its checks.');

export const ANSWER_KINDS = ['redis', 'program'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const LineErrorSchema = z
  .object({
    line: z.number().int().positive().describe('Line number in the .redis file.'),
    text: z.string(),
    error: z.string().describe('The error reply, or why the line could not be sent.'),
  })
  .describe('A line of a .redis answer that got an error reply (redis-cli would have printed it and gone on).');

export const ProgramOutputSchema = z
  .object({
    exitCode: z.number().int().nullable(),
    signal: z.string().nullable(),
    text: z.string().describe('The end of what the program printed (stdout and stderr interleaved).'),
    bytes: z.number().int().nonnegative().describe('How many bytes it printed in all.'),
    truncated: z.boolean().describe('text holds only the end of the output.'),
  })
  .describe('What a program answer printed and how it ended.');

export const EXERCISE_STATUSES = ['passed', 'failed', 'not-submitted', 'skipped'] as const;
export type ExerciseStatus = (typeof EXERCISE_STATUSES)[number];

export const ExerciseGradeSchema = z
  .object({
    id: z.string().describe('module/exercise'),
    exercise: z.string().describe('The exercise id without the module.'),
    title: BilingualTextSchema,
    status: z
      .enum(EXERCISE_STATUSES)
      .describe('not-submitted: no answer file; skipped: needs a server redis-tutor starts itself, not gradable with --url.'),
    answer: z
      .object({ path: z.string().describe('Relative to the submission folder, with / separators.'), kind: z.enum(ANSWER_KINDS) })
      .optional(),
    skipReason: z.string().optional().describe('skipped: why, in English (e.g. needs a server redis-tutor starts itself).'),
    problem: ProblemSchema.optional(),
    findings: z
      .array(z.string())
      .optional()
      .describe('validate only: rules of a course author\'s exercise that do not hold besides its checks, in English (it passes before the solution; the reset leaves something behind).'),
    checks: z.array(CheckResultSchema).describe('Empty when the checks did not run (not submitted, skipped, or a problem stopped the answer).'),
    lineErrors: z.array(LineErrorSchema).optional(),
    output: ProgramOutputSchema.optional(),
    points: ExercisePointsSchema.optional(),
    timings: z
      .object({
        answerMs: z.number().nonnegative().describe('Running the answer.'),
        checksMs: z.number().nonnegative().describe('Running the checks.'),
        totalMs: z.number().nonnegative().describe('Everything, sandbox reset and recovery included.'),
      })
      .optional(),
  })
  .describe('One exercise of the course.');

export const ScoreSchema = z
  .object({
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    notSubmitted: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
    total: z.number().int().nonnegative().describe('Exercises that count: passed + failed + notSubmitted (skipped ones do not).'),
  })
  .describe('The score is passed/total.');

export const ModuleGradeSchema = z.object({
  id: z.string(),
  title: BilingualTextSchema,
  score: ScoreSchema,
  exercises: z.array(ExerciseGradeSchema),
});

export const UNMATCHED_KINDS = ['outside-module', 'unknown-module', 'unknown-exercise', 'not-an-answer', 'folder'] as const;

export const UnmatchedFileSchema = z
  .object({
    path: z.string().describe('Relative to the submission folder, with / separators; folders end with /.'),
    kind: z
      .enum(UNMATCHED_KINDS)
      .describe(
        'outside-module: a file beside the module folders; unknown-module: a folder that is no module id; ' +
          'unknown-exercise: an answer-like file named after no exercise of its module; not-an-answer: not .redis, a known program or an executable; ' +
          'folder: a folder inside a module folder.',
      ),
    reason: z.string().describe('Why it answers no exercise, in English.'),
    suggestion: z.string().optional().describe('The answer file name it probably meant, e.g. strings/set-and-get.redis.'),
  })
  .describe('A file or folder of the submission that matches no exercise; it was not graded.');

export const GradeReportSchema = z
  .object({
    schemaVersion: z.literal(GRADE_REPORT_SCHEMA_VERSION),
    tool: z.object({ name: z.literal('redis-tutor'), version: z.string() }),
    submission: z.string().describe('The submission folder as given on the command line.'),
    server: z.string().describe('The Redis the answers ran on, for people.'),
    timeoutSeconds: z.number().positive(),
    jobs: z.number().int().positive(),
    durationMs: z.number().nonnegative(),
    score: ScoreSchema,
    modules: z.array(ModuleGradeSchema).describe("In course order; only the modules graded (see --module, --exercise), and with --assignment only the assignment's exercises."),
    assignment: AssignmentResultSchema.optional(),
    project: ProjectGradeSchema.optional(),
    unmatched: z.array(UnmatchedFileSchema),
  })
  .describe('The result of `redis-tutor grade`.');

export type CheckResultData = z.infer<typeof CheckResultSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type LineError = z.infer<typeof LineErrorSchema>;
export type ProgramOutput = z.infer<typeof ProgramOutputSchema>;
export type ExerciseGrade = z.infer<typeof ExerciseGradeSchema>;
export type Score = z.infer<typeof ScoreSchema>;
export type ModuleGrade = z.infer<typeof ModuleGradeSchema>;
export type UnmatchedFile = z.infer<typeof UnmatchedFileSchema>;
export type GradeReport = z.infer<typeof GradeReportSchema>;

/** Compile-time proof that the engine's CheckResult fits the report unchanged. */
const _checkResultFits = (result: CheckResult): CheckResultData => result;
void _checkResultFits;

/** Counts the statuses of some exercises. */
export function scoreOf(exercises: readonly Pick<ExerciseGrade, 'status'>[]): Score {
  const count = (status: ExerciseStatus) => exercises.filter((exercise) => exercise.status === status).length;
  const passed = count('passed');
  const failed = count('failed');
  const notSubmitted = count('not-submitted');
  return { passed, failed, notSubmitted, skipped: count('skipped'), total: passed + failed + notSubmitted };
}

/**
 * Exit 0 only when something was graded and everything graded passed; with
 * an assignment, also nothing of it missing and not refused as late (see
 * docs/ci-grading.md).
 */
export function reportPasses(report: GradeReport): boolean {
  const graded = report.score.failed === 0 && report.score.passed > 0;
  if (!report.assignment) return graded;
  return graded && report.score.notSubmitted === 0 && report.assignment.late?.accepted !== false;
}
