import { performance } from 'node:perf_hooks';
import type { Course, LoadedExercise } from '../../course/schema.js';
import type { Engine } from '../engine.js';
import { needsOwnedServer } from '../requirements.js';
import type { CheckResult } from '../result.js';
import { errorMessage } from '../../errors.js';

export type ExerciseVerdict = 'passed' | 'failed' | 'skipped';

/** How one exercise fared under `validate --solutions`; plain data for the renderer. */
export interface SolutionValidation {
  id: string;
  file: string;
  verdict: ExerciseVerdict;
  /** Why it failed, or why it was skipped; one sentence each. */
  reasons: string[];
  ms: number;
  resetMs?: number;
}

/**
 * The three rules of `validate --solutions`, per exercise on a clean sandbox:
 * after setup alone at least one check fails; after the solution all pass;
 * after the reset nothing the solution did is left.
 */
export async function validateSolutions(course: Course, engine: Engine): Promise<SolutionValidation[]> {
  const results: SolutionValidation[] = [];
  for (const module of course.modules) {
    for (const exercise of module.exercises) {
      if (needsOwnedServer(module, exercise) && !engine.target.owned) {
        results.push({ id: exercise.id, file: exercise.file, verdict: 'skipped', reasons: ['needs a server redis-tutor starts itself (not with --url)'], ms: 0 });
        continue;
      }
      results.push(await validateOne(exercise, engine));
    }
  }
  return results;
}

async function validateOne(exercise: LoadedExercise, engine: Engine): Promise<SolutionValidation> {
  const started = performance.now();
  const reasons: string[] = [];
  let resetMs: number | undefined;
  try {
    const attempt = await engine.startAttempt(exercise);
    // Without waiting: a check that only holds after a wait still fails here, which is the point.
    const before = await attempt.evaluate({ wait: false });
    if (before.passed) reasons.push('the checks already pass after setup alone (the learner would be done before starting)');

    const outcomes = await attempt.runScript(exercise.solutionLines);
    for (const outcome of outcomes) {
      if (outcome.problem) reasons.push(`solution line "${outcome.line}": ${outcome.problem}`);
    }
    const after = await attempt.evaluate();
    for (const check of after.checks.filter((result) => !result.passed)) reasons.push(`after the solution: ${describeFailure(check)}`);

    const reset = await engine.resetSandbox();
    resetMs = reset.ms;
    for (const problem of reset.problems) reasons.push(`the reset could not restore: ${problem}`);
    for (const leftover of await engine.leftovers()) reasons.push(`after the reset: ${leftover}`);
  } catch (error) {
    reasons.push(errorMessage(error));
  }
  return {
    id: exercise.id,
    file: exercise.file,
    verdict: reasons.length === 0 ? 'passed' : 'failed',
    reasons,
    ms: performance.now() - started,
    ...(resetMs !== undefined ? { resetMs } : {}),
  };
}

function describeFailure(check: CheckResult): string {
  const what = `check ${check.index + 1} "${check.description.en}"`;
  // validate is for course authors: English is enough.
  if (check.error) return `${what} could not run: ${check.error.en}`;
  return `${what} fails: expected ${check.expected?.en ?? '?'}, found ${check.found?.en ?? '?'}`;
}
