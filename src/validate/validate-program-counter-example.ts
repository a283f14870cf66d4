import { performance } from 'node:perf_hooks';
import type { LoadedCounterExample, LoadedExercise, LoadedModule } from '../course/schema.js';
import type { Supervisor } from '../engine/supervisor.js';
import { GradingLane } from '../grade/grading-lane.js';
import { onExerciseLane } from '../grade/topology-lane.js';
import { gradeProgramFile, type ProgramFileSettings } from '../projects/grade-program-file.js';
import type { ExerciseGrade } from '../results/report-model.js';
import type { SolutionValidation } from './validate-solutions.js';

/** Problems that say nothing about the checks: the wrong answer never got to be judged. */
const NOT_JUDGED = new Set(['could-not-run', 'grader-error']);

/**
 * A counter-example that is a program (`program:` instead of `solution:`),
 * run exactly like the exercise's solutions (a fresh lab for a lab, the
 * clean sandbox otherwise). It holds when it does not pass: a check fails,
 * or the program fails on its own (a plain client dies on MOVED). A program
 * that could not start proves nothing and is reported.
 */
export async function validateProgramCounterExample(
  where: { module: LoadedModule; exercise: LoadedExercise },
  counterExample: LoadedCounterExample & { program: { path: string; absolutePath: string } },
  supervisor: Supervisor,
  settings: ProgramFileSettings,
): Promise<SolutionValidation> {
  const { exercise } = where;
  const started = performance.now();
  const graded = await onExerciseLane(exercise, GradingLane.over(supervisor), (lane) => gradeProgramFile(lane, where, counterExample.program.absolutePath, settings));
  const why = { en: counterExample.why.en, ru: counterExample.why.ru ?? counterExample.why.en };
  const name = `counter-example ${counterExample.index + 1} (${counterExample.program.path})`;
  const findings = [
    ...(graded.status === 'passed' ? [`${name} passes every check, yet it is wrong: ${why.en} — add or tighten a check that catches it`] : []),
    ...(graded.problem !== undefined && NOT_JUDGED.has(graded.problem.code) ? [`${name} was never judged: ${graded.problem.message}`] : []),
    ...(await resetFindings(exercise, supervisor)),
  ];
  const { output, ...rest } = graded;
  const result: ExerciseGrade = {
    ...rest,
    status: graded.status === 'skipped' ? 'skipped' : findings.length === 0 ? 'passed' : 'failed',
    answer: { path: `counterExamples[${counterExample.index}].program`, kind: 'program' },
    ...(findings.length > 0 ? { findings } : {}),
    ...(output !== undefined && findings.length > 0 ? { output } : {}),
    timings: { answerMs: graded.timings?.answerMs ?? 0, checksMs: graded.timings?.checksMs ?? 0, totalMs: performance.now() - started },
  };
  return { file: exercise.file, result, counterExample: { index: counterExample.index, why, line: counterExample.location.line } };
}

/** On the sandbox: what the reset could not restore or left behind. A lab was thrown away instead. */
async function resetFindings(exercise: LoadedExercise, supervisor: Supervisor): Promise<string[]> {
  if (exercise.topology !== undefined) return [];
  const reset = await supervisor.engine.resetSandbox();
  return [
    ...reset.problems.map((problem) => `the reset could not restore: ${problem}`),
    ...(await supervisor.engine.leftovers()).map((leftover) => `after the reset: ${leftover}`),
  ];
}
