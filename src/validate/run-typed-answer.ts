import { performance } from 'node:perf_hooks';
import type { LoadedExercise, ScriptLine } from '../course/schema.js';
import type { Attempt } from '../engine/attempt.js';
import type { Engine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import type { CheckResult } from '../results/check-result.js';
import { problems } from '../results/problems.js';
import type { ExerciseGrade, LineError } from '../results/report-model.js';

/** What one typed answer (the reference solution or a counter-example) did on a clean sandbox, and what the reset left. */
export interface TypedRun {
  /** Every check after the answer; empty when the run stopped before them. */
  checks: CheckResult[];
  /** Lines that were not sent or got no reply (unbalanced quotes, a lost connection). */
  lineErrors: LineError[];
  /** Lines the server answered with an error reply (WRONGTYPE, unknown command). */
  errorReplies: LineError[];
  /** The checks already passed after setup alone; only looked at when asked. */
  passedBeforeAnswer: boolean;
  /** What the reset could not restore or left behind, in English. */
  resetFindings: string[];
  resetMs?: number;
  failure?: ExerciseGrade['problem'];
  answerMs: number;
  checksMs: number;
}

export interface TypedRunOptions {
  /** Evaluate the checks after setup alone too (the reference solution: the learner must not be done before starting). */
  checkBeforeAnswer?: boolean;
  /**
   * A wrong answer only has to fail one check: when a check without `wait`
   * fails at once, the waiting checks are not retried to their deadlines.
   */
  settleOnFirstFailure?: boolean;
}

/**
 * Runs redis-cli lines as the learner would type them, on a clean sandbox
 * with the exercise's setup and actors, then its checks, then the reset,
 * the way `validate --solutions` treats every typed answer.
 */
export async function runTypedAnswer(engine: Engine, exercise: LoadedExercise, lines: readonly ScriptLine[], options: TypedRunOptions = {}): Promise<TypedRun> {
  const run: TypedRun = { checks: [], lineErrors: [], errorReplies: [], passedBeforeAnswer: false, resetFindings: [], answerMs: 0, checksMs: 0 };
  try {
    const attempt = await engine.startAttempt(exercise);
    // Without waiting: a check that only holds after a wait still fails here, which is the point.
    if (options.checkBeforeAnswer === true) run.passedBeforeAnswer = (await attempt.evaluate({ wait: false })).passed;

    const answerStarted = performance.now();
    const outcomes = await attempt.runScript(lines);
    run.answerMs = performance.now() - answerStarted;
    outcomes.forEach((outcome, i) => {
      const line = lines[i];
      if (outcome.problem !== undefined && line) run.lineErrors.push({ line: line.location.line, text: outcome.line, error: outcome.problem });
      if (outcome.reply?.type === 'error' && line) run.errorReplies.push({ line: line.location.line, text: outcome.line, error: outcome.reply.value.toString('utf8') });
    });
    const checksStarted = performance.now();
    run.checks = await evaluate(attempt, exercise, options.settleOnFirstFailure === true);
    run.checksMs = performance.now() - checksStarted;

    // A lab (topology:) is thrown away after the run instead: a killed master or a joined cluster is not undone by a reset.
    if (exercise.topology !== undefined) return run;
    const reset = await engine.resetSandbox();
    run.resetMs = reset.ms;
    for (const problem of reset.problems) run.resetFindings.push(`the reset could not restore: ${problem}`);
    for (const leftover of await engine.leftovers()) run.resetFindings.push(`after the reset: ${leftover}`);
  } catch (error) {
    run.failure = problems.graderError(errorMessage(error));
  }
  return run;
}

async function evaluate(attempt: Attempt, exercise: LoadedExercise, settleOnFirstFailure: boolean): Promise<CheckResult[]> {
  if (settleOnFirstFailure) {
    const now = await attempt.evaluate({ wait: false });
    const settled = now.checks.some((result) => !result.passed && exercise.checks[result.index]?.wait === undefined);
    if (settled) return now.checks;
  }
  return (await attempt.evaluate()).checks;
}

/** The fields every result of an exercise starts with. */
export function gradeHeader(exercise: LoadedExercise): Pick<ExerciseGrade, 'id' | 'exercise' | 'title'> {
  return { id: exercise.id, exercise: exercise.localId, title: { en: exercise.title.en, ru: exercise.title.ru ?? exercise.title.en } };
}
