import { performance } from 'node:perf_hooks';
import type { Course } from '../course/schema.js';
import { UserError } from '../errors.js';
import { everyAnswerGone } from '../programs/contain-process.js';
import { chooseInterpreters, type Interpreters } from '../programs/interpreters.js';
import { preloadJsChecks } from '../engine/checks/js-check.js';
import { packageVersion } from '../version.js';
import { discoverSubmission } from './discover-submission.js';
import { gradeExercise, gradeWithoutServer, type ExerciseWork, type GradeSettings } from './grade-exercise.js';
import { GradingLane, type LaneOptions } from './grading-lane.js';
import { GRADE_REPORT_SCHEMA_VERSION, scoreOf, type ExerciseGrade, type GradeReport } from '../results/report-model.js';
import { selectExercises } from './select-exercises.js';
import { onExerciseLane } from './topology-lane.js';

/** The lane's options (where Redis comes from, signals) apply to every lane the grading opens. */
export interface GradeSubmissionOptions extends LaneOptions {
  course: Course;
  /** Absolute path of the submission folder. */
  submissionDir: string;
  /** The folder as the person gave it; reports show it and the github reporter builds file paths from it. */
  submissionLabel: string;
  moduleId?: string;
  exerciseId?: string;
  /** Only these exercises (`module/exercise`), e.g. an assignment's; the rest of the course is left out of the report. */
  exerciseIds?: ReadonlySet<string>;
  /**
   * Lanes opened by the caller (class mode: one per student at a time), used
   * instead of opening `jobs` new ones and left open. The caller then awaits
   * everyAnswerGone() before it writes anything.
   */
  lanes?: readonly GradingLane[];
  timeoutMs: number;
  jobs: number;
  memoryLimitBytes?: number;
  outputLimitBytes?: number;
  /** Names of the grader's environment variables programs also get (--pass-env). */
  passEnv?: readonly string[];
  /** Which Python and Node.js run program answers; default: chosen from `env` (src/programs/interpreters.ts). */
  interpreters?: Interpreters;
  /** Called as each exercise is graded (in completion order, not course order). */
  onGraded?: (grade: ExerciseGrade) => void;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
/** Twice the private server's maxmemory: a server this big is a memory bomb, not an exercise. */
export const DEFAULT_MEMORY_LIMIT_BYTES = 512 * 1024 * 1024;
export const DEFAULT_OUTPUT_LIMIT_BYTES = 8 * 1024 * 1024;
const OUTPUT_KEEP_BYTES = 4 * 1024;

/**
 * `redis-tutor grade`: finds the answers, grades every selected exercise on
 * `jobs` lanes (each its own private server), and returns the report.
 * Never prints. Throws UserError / EnvironmentError for usage and
 * environment problems (exit 2); a failed answer is a result, not an error.
 */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<GradeReport> {
  const started = performance.now();
  const selection = selectExercises(options.course, {
    ...(options.moduleId !== undefined ? { moduleId: options.moduleId } : {}),
    ...(options.exerciseId !== undefined ? { exerciseId: options.exerciseId } : {}),
  }).flatMap(({ module, exercises }) => {
    const wanted = options.exerciseIds === undefined ? exercises : exercises.filter((exercise) => options.exerciseIds?.has(exercise.id));
    return wanted.length > 0 ? [{ module, exercises: wanted }] : [];
  });
  if (options.url && options.jobs > 1) {
    throw new UserError('--jobs works with private servers only: with --url every answer shares one database.', 'Drop --jobs, or drop --url to let the grader start its own servers.');
  }
  const submission = await discoverSubmission(options.submissionDir, options.course);
  const work: ExerciseWork[] = selection.flatMap(({ module, exercises }) =>
    exercises.map((exercise) => ({ module, exercise, answers: submission.answers.get(exercise.id) ?? [] })),
  );

  const settings: GradeSettings = {
    timeoutMs: options.timeoutMs,
    memoryLimitBytes: options.memoryLimitBytes ?? DEFAULT_MEMORY_LIMIT_BYTES,
    outputLimitBytes: options.outputLimitBytes ?? DEFAULT_OUTPUT_LIMIT_BYTES,
    outputKeepBytes: OUTPUT_KEEP_BYTES,
    submissionDir: options.submissionDir,
    env: options.env,
    ...(options.passEnv ? { passEnv: options.passEnv } : {}),
    handleSignals: options.handleSignals,
    interpreters: options.interpreters ?? chooseInterpreters({}, options.env),
  };
  // Loading a check module (TypeScript's compiler for a .ts one) is not the answer's time.
  await preloadJsChecks(work.filter((item) => item.answers.length > 0).flatMap((item) => item.exercise.checks));
  const { grades, server } = await gradeOnLanes(work, settings, options);
  // The report comes after the last process of every answer is gone, so nothing an answer started can rewrite it.
  if (!options.lanes) await everyAnswerGone();

  const inScope = new Set(selection.map(({ module }) => module.id));
  const whole = options.moduleId === undefined && options.exerciseId === undefined && options.exerciseIds === undefined;
  const modules = selection.map(({ module, exercises }) => {
    const exerciseGrades = exercises.map((exercise) => grades.get(exercise.id)).filter((grade): grade is ExerciseGrade => grade !== undefined);
    return { id: module.id, title: { en: module.title.en, ru: module.title.ru ?? module.title.en }, score: scoreOf(exerciseGrades), exercises: exerciseGrades };
  });
  return {
    schemaVersion: GRADE_REPORT_SCHEMA_VERSION,
    tool: { name: 'redis-tutor', version: packageVersion() },
    submission: options.submissionLabel,
    server,
    timeoutSeconds: options.timeoutMs / 1000,
    jobs: options.jobs,
    durationMs: Math.round(performance.now() - started),
    score: scoreOf(modules.flatMap((module) => module.exercises)),
    modules,
    // With --module/--exercise, only stray files of the modules in scope are worth mentioning.
    unmatched: submission.unmatched.filter((file) => whole || inScope.has(file.path.split('/')[0] ?? '')),
  };
}

/**
 * Opens up to `jobs` lanes (only if some answer needs a server) and lets
 * each take the next exercise from a shared queue; results are keyed by id
 * so the report keeps course order whatever finished first.
 */
async function gradeOnLanes(
  work: readonly ExerciseWork[],
  settings: GradeSettings,
  options: GradeSubmissionOptions,
): Promise<{ grades: Map<string, ExerciseGrade>; server: string }> {
  const grades = new Map<string, ExerciseGrade>();
  const record = (grade: ExerciseGrade) => {
    grades.set(grade.id, grade);
    options.onGraded?.(grade);
  };
  const queue: ExerciseWork[] = [];
  for (const item of work) {
    // Not submitted, or several answers: no server needed to say so.
    const decided = gradeWithoutServer(item);
    if (decided) record(decided);
    else queue.push(item);
  }
  if (queue.length === 0) return { grades, server: 'none (nothing to run)' };

  const laneCount = Math.max(1, Math.min(options.jobs, queue.length));
  const lanes = options.lanes ?? (await openLanes(laneCount, options));
  try {
    let next = 0;
    await Promise.all(
      lanes.map(async (lane) => {
        while (next < queue.length) {
          const item = queue[next++] as ExerciseWork;
          record(await onExerciseLane(item.exercise, lane, (on) => gradeExercise(on, item, settings)));
        }
      }),
    );
  } finally {
    if (!options.lanes) await Promise.all(lanes.map((lane) => lane.close()));
  }
  const first = lanes[0]?.target.describe() ?? '';
  return { grades, server: lanes.length > 1 ? `${first} and ${lanes.length - 1} more like it` : first };
}

/** All lanes start in parallel; if one cannot, the others are closed before the error goes up. */
export async function openLanes(count: number, options: LaneOptions): Promise<GradingLane[]> {
  const opening = Array.from({ length: count }, () =>
    GradingLane.open({
      env: options.env,
      connectLearner: options.connectLearner,
      handleSignals: options.handleSignals,
      ...(options.url !== undefined ? { url: options.url } : {}),
      ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}),
      ...(options.force !== undefined ? { force: options.force } : {}),
      ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
    }),
  );
  const settled = await Promise.allSettled(opening);
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  const opened = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  if (failure) {
    await Promise.all(opened.map((lane) => lane.close()));
    throw failure.reason;
  }
  return opened;
}
