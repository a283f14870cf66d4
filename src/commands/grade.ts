import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { resolveCourseDir } from '../course/course-dir.js';
import { resolveLanguage } from '../course/language.js';
import { bundledCourseDir, loadCourse } from '../course/load.js';
import type { Course } from '../course/schema.js';
import { connectRespLearner } from '../engine/default-learner.js';
import type { ConnectLearner } from '../engine/learner-connection.js';
import { EXIT, EnvironmentError, UserError, errorMessage } from '../errors.js';
import { countHiddenChecks, parseHiddenChecksMode } from '../grade/count-hidden-checks.js';
import { appendStepSummary } from '../grade/github-step-summary.js';
import { loadAssignment, type Assignment } from '../grade/assignment.js';
import { gradeClass, studentsOfClass, studentsOfPaths, type StudentOutcome } from '../grade/class-grading.js';
import { DEFAULT_TIMEOUT_SECONDS, gradeSubmission, type GradeSubmissionOptions } from '../grade/grade-submission.js';
import { parseSubmittedAt, scoreSubmission } from '../grade/submission-time.js';
import { reportPasses, type GradeReport } from '../results/report-model.js';
import { isReporterName, REPORTER_NAMES, reporters, type ReporterName } from '../grade/reporters.js';
import { chooseInterpreters } from '../programs/interpreters.js';
import { parsePassEnv } from '../programs/program-env.js';
import { PROGRESS_HOME_ENV } from '../progress/progress-store.js';
import { registerExitCleanup } from '../redis/exit-cleanup.js';
import { OWNERSHIP_FILE_NAME } from '../redis/ownership.js';
import type { Action } from './action.js';
import { checkClassOptions, isClassRun, parseClassReporters, progressLine, writeClassResults } from './grade-class.js';
import { gradeProjectCommand } from './grade-project.js';

export interface GradeRun {
  /** The submission folder as given; resolved against cwd. */
  path: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Default: the bundled course. */
  courseDir?: string;
  moduleId?: string;
  exerciseId?: string;
  timeoutSeconds?: number;
  jobs?: number;
  url?: string;
  redisServerBin?: string;
  force?: boolean;
  ownershipFile?: string;
  /** Names of the grader's environment variables programs also get (--pass-env). */
  passEnv?: readonly string[];
  /** --python and --node; else REDIS_TUTOR_PYTHON / REDIS_TUTOR_NODE of env, else python3 and this Node.js. */
  python?: string;
  node?: string;
  /** --assignment: the file as given, resolved against cwd; only its exercises are graded, for points. */
  assignmentFile?: string;
  /** --submitted-at: the submission time for the assignment's deadline, instead of reading it from the submission. */
  submittedAt?: Date;
  connectLearner?: ConnectLearner;
  handleSignals?: boolean;
}

/** Class mode: the students are the folders in `classDir`, or `paths`. */
export type ClassGradeRun = Omit<GradeRun, 'path'> & { classDir?: string; paths: readonly string[]; onStudent?: (outcome: StudentOutcome) => void };

const MAX_JOBS = 64;

/**
 * Grades a submission against a course and returns the report; never prints.
 * With handleSignals, SIGINT and SIGTERM end the run through the exit
 * cleanups for its whole length, so what it made on a --url server (its ACL
 * user) is removed on the way out, as on a normal exit.
 */
export async function runGrade(run: GradeRun): Promise<GradeReport> {
  const { course } = await loadCourse(run.courseDir ?? bundledCourseDir());
  const handleSignals = run.handleSignals ?? true;
  const stopHandlingSignals = handleSignals ? registerExitCleanup({ cleanUpNow: () => undefined }, { handleSignals: true }) : () => undefined;
  try {
    const assignment = await assignmentOf(run, course);
    const report = await gradeSubmission({
      ...gradingOptions(run, course, handleSignals),
      submissionDir: resolve(run.cwd, run.path),
      submissionLabel: run.path,
      ...(assignment ? { exerciseIds: new Set(assignment.exercises.keys()) } : {}),
    });
    if (!assignment) return report;
    return await scoreSubmission(report, assignment, { dir: resolve(run.cwd, run.path), env: run.env, ...(run.submittedAt ? { submittedAt: run.submittedAt } : {}) });
  } finally {
    stopHandlingSignals();
  }
}

/** Grades every student of a class in this one process (src/grade/class-grading.ts); never prints. */
export async function runClassGrade(run: ClassGradeRun): Promise<StudentOutcome[]> {
  const { course } = await loadCourse(run.courseDir ?? bundledCourseDir());
  const students = run.classDir !== undefined ? await studentsOfClass(resolve(run.cwd, run.classDir), run.classDir) : studentsOfPaths(run.paths, run.cwd);
  const handleSignals = run.handleSignals ?? true;
  const stopHandlingSignals = handleSignals ? registerExitCleanup({ cleanUpNow: () => undefined }, { handleSignals: true }) : () => undefined;
  try {
    const assignment = await assignmentOf(run, course);
    return await gradeClass({
      ...gradingOptions(run, course, handleSignals),
      students,
      ...(assignment ? { assignment } : {}),
      ...(run.submittedAt ? { submittedAt: run.submittedAt } : {}),
      ...(run.onStudent ? { onStudent: run.onStudent } : {}),
    });
  } finally {
    stopHandlingSignals();
  }
}

async function assignmentOf(run: Omit<GradeRun, 'path'>, course: Course): Promise<Assignment | undefined> {
  if (run.assignmentFile === undefined) return undefined;
  if (run.moduleId !== undefined || run.exerciseId !== undefined) {
    throw new UserError('--assignment chooses the exercises itself; --module and --exercise do not go with it.', 'Drop --module and --exercise, or list those exercises in the assignment file.');
  }
  return loadAssignment(resolve(run.cwd, run.assignmentFile), run.assignmentFile, course);
}

/** What every submission of a run is graded with, whichever the submission. */
function gradingOptions(run: Omit<GradeRun, 'path'>, course: Course, handleSignals: boolean): Omit<GradeSubmissionOptions, 'submissionDir' | 'submissionLabel'> {
  return {
    course,
    timeoutMs: (run.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    jobs: run.jobs ?? 1,
    env: run.env,
    connectLearner: run.connectLearner ?? connectRespLearner,
    handleSignals,
    ...(run.moduleId !== undefined ? { moduleId: run.moduleId } : {}),
    ...(run.exerciseId !== undefined ? { exerciseId: run.exerciseId } : {}),
    ...(run.url !== undefined ? { url: run.url } : {}),
    ...(run.redisServerBin !== undefined ? { redisServerBin: run.redisServerBin } : {}),
    ...(run.force !== undefined ? { force: run.force } : {}),
    ...(run.ownershipFile !== undefined ? { ownershipFile: run.ownershipFile } : {}),
    ...(run.passEnv !== undefined && run.passEnv.length > 0 ? { passEnv: run.passEnv } : {}),
    interpreters: chooseInterpreters({ python: run.python, node: run.node }, run.env),
  };
}

/**
 * `redis-tutor grade PATH [--course DIR] [--module ID] [--exercise ID] [--url URL] [--reporter NAME]
 * [--output FILE] [--timeout SECONDS] [--jobs N] [--pass-env NAME]... [--python PATH]
 * [--node PATH] [--assignment FILE] [--submitted-at TIME] [--hidden-checks full|counted] [--lang en|ru]`, and for a class
 * `redis-tutor grade (--class DIR | PATH PATH...) [--output-dir DIR] [--reporter NAME,NAME]`
 * (./grade-class.ts: exit 0 when every student was graded, 1 when one could not be).
 *
 * Exit 0 when something was graded and all of it passed, 1 when an exercise
 * failed (or nothing was submitted), 2 for usage and environment errors.
 * With --output the report goes to the file and the pretty report to stdout,
 * so a CI log stays readable whatever format is archived. On GitHub Actions
 * (GITHUB_STEP_SUMMARY set) a Markdown table is appended to the job summary.
 */
export const gradeAction: Action = async ({ options, operands, io }) => {
  const timeoutSeconds = parseNumber(options.timeout, '--timeout', { min: 0.1, max: 3600, integer: false }) ?? DEFAULT_TIMEOUT_SECONDS;
  const jobs = parseNumber(options.jobs, '--jobs', { min: 1, max: MAX_JOBS, integer: true }) ?? 1;
  const language = resolveLanguage(options.lang, io.env);
  const passEnv = parsePassEnv(options.passEnv);
  // REDIS_TUTOR_HOME moves everything the tutor keeps on this machine, what it knows of --url databases too.
  const tutorHome = io.env[PROGRESS_HOME_ENV];
  if (options.project !== undefined) {
    return gradeProjectCommand({ options, operands, io, language, timeoutSeconds, reporter: () => parseReporter(options.reporter) });
  }
  const courseDir = await resolveCourseDir({ option: options.course }, io.env, io.cwd);
  const run: GradeRun = {
    path: operands[0] ?? '.',
    courseDir,
    cwd: io.cwd,
    env: io.env,
    timeoutSeconds,
    jobs,
    ...(typeof options.module === 'string' ? { moduleId: options.module } : {}),
    ...(typeof options.exercise === 'string' ? { exerciseId: options.exercise } : {}),
    ...(typeof options.url === 'string' && options.url !== '' ? { url: options.url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    ...(options.force === true ? { force: true } : {}),
    ...(passEnv.length > 0 ? { passEnv } : {}),
    ...(typeof options.python === 'string' ? { python: options.python } : {}),
    ...(typeof options.node === 'string' ? { node: options.node } : {}),
    ...(tutorHome ? { ownershipFile: join(tutorHome, OWNERSHIP_FILE_NAME) } : {}),
    ...(typeof options.assignment === 'string' ? { assignmentFile: options.assignment } : {}),
    ...(typeof options.submittedAt === 'string' ? { submittedAt: parseSubmittedAt(options.submittedAt) } : {}),
  };
  if (isClassRun(options, operands)) {
    checkClassOptions(options, operands);
    const classReporters = parseClassReporters(options.reporter);
    const outcomes = await runClassGrade({
      ...run,
      paths: operands,
      ...(typeof options.class === 'string' ? { classDir: options.class } : {}),
      onStudent: (outcome) => io.stderr.write(progressLine(outcome)),
    });
    const outputDir = typeof options.outputDir === 'string' ? resolve(io.cwd, options.outputDir) : undefined;
    return writeClassResults(outcomes, { reporters: classReporters, language, io, ...(outputDir !== undefined ? { outputDir } : {}) });
  }
  if (operands.length === 0) throw new UserError('no submission folder given.', 'Give one (`redis-tutor grade .`), several, or --class DIR for a folder of students.');
  const reporter = parseReporter(options.reporter);
  const hiddenChecks = parseHiddenChecksMode(options.hiddenChecks);
  const graded = await runGrade(run);
  // Everything this run prints and writes is then what a student may read (../grade/count-hidden-checks.ts).
  const report = hiddenChecks === 'counted' ? countHiddenChecks(graded) : graded;

  const color = io.stdout.isTTY === true && !io.env.NO_COLOR;
  const text = reporters[reporter](report, { language, color: reporter === 'pretty' && color && typeof options.output !== 'string' });
  if (typeof options.output === 'string') {
    const file = resolve(io.cwd, options.output);
    await writeFile(file, text).catch((error: unknown) => {
      throw new EnvironmentError(`cannot write the report to ${file}: ${errorMessage(error)}.`, 'Check that its folder exists and is writable.', { cause: error });
    });
    io.stdout.write(reporters.pretty(report, { language, color }));
  } else {
    io.stdout.write(text);
  }
  const summaryWarning = await appendStepSummary(report, language, io.env);
  if (summaryWarning !== undefined) io.stderr.write(summaryWarning);
  return reportPasses(report) ? EXIT.ok : EXIT.failed;
};

function parseReporter(value: unknown): ReporterName {
  if (value === undefined) return 'pretty';
  if (isReporterName(value)) return value;
  throw new UserError(`unknown reporter ${JSON.stringify(value)}.`, `Use one of ${REPORTER_NAMES.join(', ')}.`);
}

function parseNumber(value: unknown, flag: string, limits: { min: number; max: number; integer: boolean }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  const kind = limits.integer ? 'a whole number' : 'a number';
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(number) || (limits.integer && !Number.isInteger(number)) || number < limits.min || number > limits.max) {
    throw new UserError(`${flag} must be ${kind} from ${limits.min} to ${limits.max}, not ${JSON.stringify(value)}.`, `For example ${flag} ${limits.integer ? 2 : 10}.`);
  }
  return number;
}
