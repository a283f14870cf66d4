import { performance } from 'node:perf_hooks';
import type { LoadedCounterExample, LoadedExercise } from '../course/schema.js';
import type { Supervisor } from '../engine/supervisor.js';
import type { ExerciseGrade } from '../results/report-model.js';
import { gradeHeader, runTypedAnswer, type TypedRun } from './run-typed-answer.js';
import type { SolutionValidation } from './validate-solutions.js';

/**
 * Each counter-example of an exercise, run exactly like its reference
 * solution on a clean sandbox (setup, actors, checks, reset). It holds when
 * at least one check fails: a wrong answer the checks accept is a gap in the
 * exercise, reported with the author's `why`.
 */
export async function validateCounterExamples(exercise: LoadedExercise, supervisor: Supervisor): Promise<SolutionValidation[]> {
  const validations: SolutionValidation[] = [];
  for (const counterExample of exercise.counterExamples) {
    validations.push(await validateCounterExample(exercise, counterExample, supervisor));
    await supervisor.ensureHealthy();
  }
  return validations;
}

async function validateCounterExample(exercise: LoadedExercise, counterExample: LoadedCounterExample, supervisor: Supervisor): Promise<SolutionValidation> {
  const started = performance.now();
  const run = await runTypedAnswer(supervisor.engine, exercise, counterExample.solutionLines, { settleOnFirstFailure: true });
  const { checks, lineErrors, failure } = run;
  const why = { en: counterExample.why.en, ru: counterExample.why.ru ?? counterExample.why.en };
  const name = `counter-example ${counterExample.index + 1} (line ${counterExample.location.line})`;
  const rejected = checks.some((check) => !check.passed);
  const findings = [
    ...(failure === undefined && !rejected ? [`${name} passes every check, yet it is wrong: ${why.en} — add or tighten a check that catches it`] : []),
    ...notTypeable(name, run),
    ...run.resetFindings,
  ];
  const result: ExerciseGrade = {
    ...gradeHeader(exercise),
    status: failure === undefined && findings.length === 0 ? 'passed' : 'failed',
    answer: { path: `counterExamples[${counterExample.index}].solution`, kind: 'redis' },
    ...(failure ? { problem: failure } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    checks,
    ...(lineErrors.length > 0 ? { lineErrors } : {}),
    timings: { answerMs: run.answerMs, checksMs: run.checksMs, totalMs: performance.now() - started },
  };
  return {
    file: exercise.file,
    result,
    ...(run.resetMs !== undefined ? { resetMs: run.resetMs } : {}),
    counterExample: { index: counterExample.index, why, line: counterExample.location.line },
  };
}

/**
 * A counter-example stands for an answer a learner could type: a line
 * redis-cli cannot parse, or a command the server does not know, fails the
 * checks for a reason that proves nothing about them.
 */
function notTypeable(name: string, run: TypedRun): string[] {
  return [
    ...run.lineErrors.map((line) => `${name}, line ${line.line} "${line.text}": ${line.error.trim()} — a counter-example must be an answer a learner could type`),
    ...run.errorReplies
      .filter((line) => /^ERR unknown (sub)?command/i.test(line.error))
      .map((line) => `${name}, line ${line.line} "${line.text}": ${line.error.trim()} — a counter-example must be an answer a learner could type`),
  ];
}
