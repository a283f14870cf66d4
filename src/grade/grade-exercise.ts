import { performance } from 'node:perf_hooks';
import type { LoadedExercise, LoadedModule } from '../course/schema.js';
import type { Attempt } from '../engine/attempt.js';
import { skipReasonOn, supervisorFor } from '../engine/requirements.js';
import { GradingLane } from './grading-lane.js';
import type { ExerciseResult } from '../results/check-result.js';
import { readAnswerFile } from './answer-file.js';
import type { AnswerFile } from './discover-submission.js';
import { watchMemory } from './memory-watchdog.js';
import { problems } from '../results/problems.js';
import type { ExerciseGrade, LineError, Problem, ProgramOutput } from '../results/report-model.js';
import { answerLines, runRedisAnswer, type AnswerLine, type RedisAnswerProgress } from './run-redis-answer.js';
import { chooseInterpreters, type Interpreters } from '../programs/interpreters.js';
import { runProgramAnswer } from './run-program-answer.js';
import { errorMessage, isTutorError } from '../errors.js';
import { within } from '../lib/async.js';

export interface GradeSettings {
  timeoutMs: number;
  /** Resident memory of the private server beyond which it is killed (a memory bomb). */
  memoryLimitBytes: number;
  /** A program printing more than this is stopped. */
  outputLimitBytes: number;
  /** How much of the end of a program's output goes into the report. */
  outputKeepBytes: number;
  /** Programs run with the submission folder as their working directory. */
  submissionDir: string;
  env: NodeJS.ProcessEnv;
  /** Names of the grader's variables a program also gets (--pass-env); see src/programs/program-env.ts. */
  passEnv?: readonly string[];
  handleSignals: boolean;
  /** Which Python and Node.js run program answers (--python, --node); default: REDIS_TUTOR_PYTHON / REDIS_TUTOR_NODE of `env`, else python3 and this Node.js. */
  interpreters?: Interpreters;
  /** A program answer's output as it comes, and a signal that stops it (the TUI's watch: src/projects/tui-program-runs.ts). */
  onOutput?: (text: string) => void;
  cancel?: AbortSignal;
}

export interface ExerciseWork {
  module: LoadedModule;
  exercise: LoadedExercise;
  /** None: not submitted; more than one: reported, not guessed between. */
  answers: AnswerFile[];
}

/** A .redis file larger than this is not a hand-written answer. */
const MAX_REDIS_FILE_BYTES = 1024 * 1024;
const START_TIMEOUT_MS = 5_000;
/** After the deadline: how long a blocked command or script gets to unwind once told to stop. */
const UNWIND_MS = 1_000;
/** The checks' own bound: their longest `wait` plus this. */
const CHECKS_SLACK_MS = 5_000;

/**
 * Grades one exercise on a lane: a clean sandbox with the setup, the answer
 * under the time limit (a .redis file typed line by line on the learner's
 * connection, or a program with REDIS_URL), then the checks — the same
 * engine the TUI uses. Whatever the answer did, the lane is healthy again
 * when this returns, so the next verdict does not depend on it.
 */
export async function gradeExercise(mainLane: GradingLane, work: ExerciseWork, settings: GradeSettings): Promise<ExerciseGrade> {
  const { exercise, module } = work;
  const base = gradeHeader(exercise);
  const [answer] = work.answers;
  const decided = gradeWithoutServer(work);
  if (decided || !answer) return decided ?? { ...base, status: 'not-submitted', checks: [] };
  const answerField = { answer: { path: answer.path, kind: answer.kind } };
  // Under --url, an exercise that needs a server the tutor owns is graded on the private one beside it.
  const onSupervisor = await supervisorFor(mainLane.supervisor, module, exercise);
  const lane = onSupervisor === mainLane.supervisor ? mainLane : GradingLane.over(onSupervisor);
  const skipped = await skipReasonOn(lane.engine.checker, lane.target, module, exercise);
  if (skipped !== undefined) return { ...base, ...answerField, status: 'skipped', skipReason: skipped, checks: [] };

  const started = performance.now();
  const failed = (problem: Problem, extra: Partial<ExerciseGrade> = {}): ExerciseGrade => ({
    ...base,
    ...answerField,
    status: 'failed',
    problem,
    checks: [],
    ...extra,
    timings: roundTimings({ answerMs: 0, checksMs: 0, ...extra.timings, totalMs: performance.now() - started }),
  });

  let lines: AnswerLine[] = [];
  if (answer.kind === 'redis') {
    const read = await readRedisAnswer(settings.submissionDir, answer.absolutePath);
    if (typeof read === 'string') return failed(problems.couldNotRun(read));
    lines = read;
  }

  const attempt = await startAttempt(lane, exercise);
  if ('code' in attempt) return failed(attempt);

  // The server can die under the answer (SHUTDOWN, the memory watchdog): stop waiting on it then.
  const abort = new AbortController();
  let memoryExceeded = false;
  const control = lane.target.control;
  const watchdog = control.restartable
    ? watchMemory(() => control.pid, settings.memoryLimitBytes, () => {
        memoryExceeded = true;
        lane.supervisor.killServer();
        abort.abort();
      })
    : undefined;
  const stopAborting = lane.supervisor.onServerLost(() => abort.abort());

  try {
    const answerStarted = performance.now();
    const ran: AnswerRun =
      answer.kind === 'redis'
        ? await runRedis(lane, attempt, lines, settings, abort.signal)
        : await runProgramAnswer(lane, attempt, answer, { ...settings, interpreters: settings.interpreters ?? chooseInterpreters({}, settings.env) }, abort.signal);
    const answerMs = performance.now() - answerStarted;
    const extra = {
      ...(ran.lineErrors && ran.lineErrors.length > 0 ? { lineErrors: ran.lineErrors } : {}),
      ...(ran.output ? { output: ran.output } : {}),
    };

    // Whatever the answer did to the server is judged by what the repair had to do.
    const health = await lane.ensureHealthy();
    let problem = memoryExceeded
      ? problems.memoryLimit(settings.memoryLimitBytes)
      : health === 'stopped'
        ? problems.serverStopped()
        : (ran.problem ?? (health === 'hung' ? problems.serverHung() : undefined));
    if (problem && problem.code !== 'exit-code') return failed(problem, { ...extra, timings: { answerMs, checksMs: 0, totalMs: 0 } });

    const checksStarted = performance.now();
    const evaluated = await evaluate(attempt);
    const checksMs = performance.now() - checksStarted;
    if (memoryExceeded) problem = problems.memoryLimit(settings.memoryLimitBytes);
    if (!('checks' in evaluated)) {
      await lane.ensureHealthy();
      return failed(problem ?? evaluated, { ...extra, timings: { answerMs, checksMs, totalMs: 0 } });
    }
    return {
      ...base,
      ...answerField,
      status: evaluated.passed && problem === undefined ? 'passed' : 'failed',
      ...(problem ? { problem } : {}),
      checks: evaluated.checks,
      ...extra,
      timings: roundTimings({ answerMs, checksMs, totalMs: performance.now() - started }),
    };
  } finally {
    watchdog?.stop();
    stopAborting();
  }
}

function gradeHeader(exercise: LoadedExercise): Pick<ExerciseGrade, 'id' | 'exercise' | 'title'> {
  return { id: exercise.id, exercise: exercise.localId, title: { en: exercise.title.en, ru: exercise.title.ru ?? exercise.title.en } };
}

/** The verdicts that need no server: nothing submitted, or more than one answer file. */
export function gradeWithoutServer(work: ExerciseWork): ExerciseGrade | undefined {
  const base = gradeHeader(work.exercise);
  if (work.answers.length === 0) return { ...base, status: 'not-submitted', checks: [] };
  if (work.answers.length > 1) return { ...base, status: 'failed', problem: problems.severalAnswers(work.answers.map((file) => file.path)), checks: [] };
  return undefined;
}

/** Tenths of a millisecond are noise; reports stay readable. */
function roundTimings(timings: { answerMs: number; checksMs: number; totalMs: number }): { answerMs: number; checksMs: number; totalMs: number } {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { answerMs: round(timings.answerMs), checksMs: round(timings.checksMs), totalMs: round(timings.totalMs) };
}

interface AnswerRun {
  problem?: Problem;
  lineErrors?: LineError[];
  output?: ProgramOutput;
}

/** Only a regular file inside the submission is read (./answer-file.ts); otherwise why not. */
async function readRedisAnswer(submissionDir: string, path: string): Promise<AnswerLine[] | string> {
  const read = await readAnswerFile(submissionDir, path, MAX_REDIS_FILE_BYTES);
  return 'refused' in read ? read.refused : answerLines(read.text);
}

/** A clean sandbox and the setup; when that fails the lane is restarted and it is tried once more. */
async function startAttempt(lane: GradingLane, exercise: LoadedExercise): Promise<Attempt | Problem> {
  let why = '';
  for (let round = 1; round <= 2; round++) {
    const started = await within(lane.engine.startAttempt(exercise), START_TIMEOUT_MS);
    if (started.kind === 'done') return started.value;
    // A refusal (a --url database that is no longer the tutor's to reset) ends the grading with its reason, not one exercise.
    if (started.kind === 'failed' && isTutorError(started.error)) throw started.error;
    why = started.kind === 'timeout' ? `the sandbox reset did not finish within ${START_TIMEOUT_MS / 1000} s` : errorMessage(started.error);
    await lane.supervisor.recover();
  }
  return problems.graderError(why);
}

async function runRedis(lane: GradingLane, attempt: Attempt, lines: readonly AnswerLine[], settings: GradeSettings, signal: AbortSignal): Promise<AnswerRun> {
  const deadline = Date.now() + settings.timeoutMs;
  const progress: RedisAnswerProgress = { current: undefined, lineErrors: [] };
  let stop = false;
  const run = runRedisAnswer(attempt, lines, deadline, () => stop || signal.aborted, progress);
  // The engine interrupts a blocked line at the deadline itself; a little later, the grader steps in.
  const bounded = await within(run, settings.timeoutMs + 250);
  if (bounded.kind === 'timeout') {
    stop = true;
    // An endless script or a pause is not a blocked client: CLIENT UNBLOCK alone does not end it.
    // What still hangs after this is the lane's to repair (ensureHealthy restarts the server).
    await Promise.all([lane.supervisor.stopRunaways(), within(attempt.interrupt(), UNWIND_MS), within(run, UNWIND_MS)]);
  }
  const hung = progress.current;
  const timedOut = !signal.aborted && hung !== undefined;
  return {
    lineErrors: progress.lineErrors,
    ...(timedOut ? { problem: problems.timeout(settings.timeoutMs / 1000, { line: hung.line, command: hung.text }) } : {}),
  };
}

/** The checks, bounded: their longest wait plus slack. */
async function evaluate(attempt: Attempt): Promise<ExerciseResult | Problem> {
  const longestWait = Math.max(0, ...attempt.exercise.checks.map((check) => check.wait ?? 0));
  const bound = longestWait + CHECKS_SLACK_MS;
  const evaluated = await within(attempt.evaluate(), bound);
  if (evaluated.kind === 'done') return evaluated.value;
  if (evaluated.kind === 'timeout') return problems.checksTimeout(Math.round(bound / 1000));
  return problems.graderError(`the checks could not run: ${errorMessage(evaluated.error)}`);
}
