import { performance } from 'node:perf_hooks';
import type { LoadedExercise, LoadedModule, ProgramLanguage, ProgramSource } from '../course/schema.js';
import { programLanguages } from '../course/schema.js';
import type { Supervisor } from '../engine/supervisor.js';
import { GradingLane } from '../grade/grading-lane.js';
import { onExerciseLane } from '../grade/topology-lane.js';
import { gradeProgramFile, type ProgramFileSettings } from '../projects/grade-program-file.js';
import type { ExerciseGrade } from '../results/report-model.js';

/** How one language's starter and solution of a program exercise fared. */
export interface ProgramValidation {
  language: ProgramLanguage;
  /** The solution's grade, with what does not hold around it as findings. */
  result: ExerciseGrade;
  resetMs: number;
}

/**
 * "Fails before, passes after", per language of a program exercise, each
 * run as a program on a clean sandbox the way `grade` runs an answer: the
 * starter must run to its end (exit 0) and fail at least one check, so the
 * learner starts from something that works and is not done yet; the
 * solution must pass every check; and after the reset nothing it did is left.
 */
export async function validatePrograms(
  module: LoadedModule,
  exercise: LoadedExercise,
  supervisor: Supervisor,
  settings: ProgramFileSettings,
): Promise<ProgramValidation[]> {
  const validations: ProgramValidation[] = [];
  for (const language of programLanguages(exercise.program)) {
    const files = exercise.program?.[language];
    if (files === undefined) continue;
    validations.push(await validateLanguage({ module, exercise }, language, files, supervisor, settings));
    await supervisor.ensureHealthy();
  }
  return validations;
}

async function validateLanguage(
  where: { module: LoadedModule; exercise: LoadedExercise },
  language: ProgramLanguage,
  files: ProgramSource,
  supervisor: Supervisor,
  settings: ProgramFileSettings,
): Promise<ProgramValidation> {
  const started = performance.now();
  const answer = { path: files.solution, kind: 'program' as const };
  // A lab (topology:) gives the starter and the solution each a fresh one, as grade gives every answer.
  const run = (file: string) => onExerciseLane(where.exercise, GradingLane.over(supervisor), (lane) => gradeProgramFile(lane, where, file, settings));
  const starter = await run(files.starterPath);
  if (starter.status === 'skipped') return { language, result: { ...starter, answer }, resetMs: 0 };
  const solution = await run(files.solutionPath);

  const reset = await resetAfter(where.exercise, supervisor);
  const findings = [...starterFindings(starter, files.starter), ...reset.findings];
  const holds = solution.status === 'passed' && findings.length === 0;
  // A passing solution's output is noise in the report; a failing one's is where the reason is.
  const { output, ...graded } = solution;
  const result: ExerciseGrade = {
    ...graded,
    answer,
    status: holds ? 'passed' : 'failed',
    ...(findings.length > 0 ? { findings } : {}),
    ...(output !== undefined && solution.status !== 'passed' ? { output } : {}),
    timings: { answerMs: solution.timings?.answerMs ?? 0, checksMs: solution.timings?.checksMs ?? 0, totalMs: performance.now() - started },
  };
  return { language, result, resetMs: reset.ms };
}

/** After a program on the sandbox: the reset, and what it could not restore or left behind. A lab was thrown away instead. */
async function resetAfter(exercise: LoadedExercise, supervisor: Supervisor): Promise<{ findings: string[]; ms: number }> {
  if (exercise.topology !== undefined) return { findings: [], ms: 0 };
  const reset = await supervisor.engine.resetSandbox();
  const findings = [
    ...reset.problems.map((problem) => `the reset could not restore: ${problem}`),
    ...(await supervisor.engine.leftovers()).map((leftover) => `after the reset: ${leftover}`),
  ];
  return { findings, ms: reset.ms };
}

/** Why a starter is not a good place to begin, or nothing when it runs to its end and fails a check. */
export function starterFindings(starter: ExerciseGrade, path: string): string[] {
  const where = `the starter (${path})`;
  if (starter.status === 'passed') return [`${where} already passes the checks (the learner would be done before starting)`];
  if (starter.problem !== undefined) {
    const lastLine = starter.output?.text.trimEnd().split(/\r?\n/).at(-1)?.trim();
    const printed = lastLine !== undefined && lastLine !== '' ? ` — its last line: ${lastLine}` : '';
    return [`${where} must run to its end and fail only on the checks, but ${starter.problem.message}${printed}`];
  }
  return [];
}
