import { performance } from 'node:perf_hooks';
import type { Course, LoadedExercise, LoadedModule, ProgramLanguage } from '../course/schema.js';
import type { ServerFacts } from '../course/requirement-fit.js';
import { readCourseServerFacts, skipReason } from '../engine/requirements.js';
import type { Supervisor } from '../engine/supervisor.js';
import { errorMessage } from '../errors.js';
import { problems } from '../results/problems.js';
import type { ExerciseGrade, LineError } from '../results/report-model.js';
import type { ProgramFileSettings } from '../projects/grade-program-file.js';
import { validatePrograms } from './validate-programs.js';

/** How one exercise fared under `validate --solutions`: the shared result model, and where the exercise lives. */
export interface SolutionValidation {
  /** Absolute path of the exercise's YAML file. */
  file: string;
  result: ExerciseGrade;
  resetMs?: number;
  /** A program exercise's starter and solution in this language; absent for the redis-cli solution. */
  language?: ProgramLanguage;
}

/**
 * The three rules of `validate --solutions`, per exercise on a clean sandbox:
 * after setup alone at least one check fails; after the solution all pass;
 * after the reset nothing the solution did is left. A program exercise's
 * starter and solution in each language are held to the same rules, run as
 * programs (./validate-programs.ts). Between exercises the supervisor makes
 * sure the server still answers, whatever a solution did.
 */
export async function validateSolutions(course: Course, supervisor: Supervisor, programs: ProgramFileSettings): Promise<SolutionValidation[]> {
  const results: SolutionValidation[] = [];
  // Read once: restarts and reconnects bring back the same kind of server.
  const server = await readCourseServerFacts(supervisor.engine.checker, course, supervisor.target.owned);
  for (const module of course.modules) {
    for (const exercise of module.exercises) {
      // A program exercise may have no redis-cli solution: its starters and solutions are what holds or not.
      if (exercise.program === undefined || exercise.solution !== '') {
        const typed = await validateOne(module, exercise, supervisor, server);
        results.push(typed);
        await supervisor.ensureHealthy();
        if (exercise.program === undefined || typed.result.status === 'skipped') continue;
      }
      for (const { language, result, resetMs } of await validatePrograms(module, exercise, supervisor, programs)) {
        results.push({ file: exercise.file, result, resetMs, language });
      }
    }
  }
  return results;
}

async function validateOne(module: LoadedModule, exercise: LoadedExercise, supervisor: Supervisor, server: ServerFacts): Promise<SolutionValidation> {
  const header = {
    id: exercise.id,
    exercise: exercise.localId,
    title: { en: exercise.title.en, ru: exercise.title.ru ?? exercise.title.en },
  };
  const skipped = skipReason(module, exercise, server);
  if (skipped !== undefined) return { file: exercise.file, result: { ...header, status: 'skipped', skipReason: skipped, checks: [] } };
  const started = performance.now();
  const engine = supervisor.engine;
  const findings: string[] = [];
  const lineErrors: LineError[] = [];
  let checks: ExerciseGrade['checks'] = [];
  let resetMs: number | undefined;
  let failure: ExerciseGrade['problem'];
  let answerMs = 0;
  let checksMs = 0;
  try {
    const attempt = await engine.startAttempt(exercise);
    // Without waiting: a check that only holds after a wait still fails here, which is the point.
    const before = await attempt.evaluate({ wait: false });
    if (before.passed) findings.push('the checks already pass after setup alone (the learner would be done before starting)');

    const answerStarted = performance.now();
    const outcomes = await attempt.runScript(exercise.solutionLines);
    answerMs = performance.now() - answerStarted;
    outcomes.forEach((outcome, i) => {
      const line = exercise.solutionLines[i];
      if (outcome.problem !== undefined && line) lineErrors.push({ line: line.location.line, text: outcome.line, error: outcome.problem });
    });
    const checksStarted = performance.now();
    checks = (await attempt.evaluate()).checks;
    checksMs = performance.now() - checksStarted;

    const reset = await engine.resetSandbox();
    resetMs = reset.ms;
    for (const problem of reset.problems) findings.push(`the reset could not restore: ${problem}`);
    for (const leftover of await engine.leftovers()) findings.push(`after the reset: ${leftover}`);
  } catch (error) {
    failure = problems.graderError(errorMessage(error));
  }
  const holds = failure === undefined && findings.length === 0 && lineErrors.length === 0 && checks.length > 0 && checks.every((check) => check.passed);
  const result: ExerciseGrade = {
    ...header,
    status: holds ? 'passed' : 'failed',
    answer: { path: 'solution', kind: 'redis' },
    ...(failure ? { problem: failure } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    checks,
    ...(lineErrors.length > 0 ? { lineErrors } : {}),
    timings: { answerMs, checksMs, totalMs: performance.now() - started },
  };
  return { file: exercise.file, result, ...(resetMs !== undefined ? { resetMs } : {}) };
}
