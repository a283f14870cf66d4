import { basename, dirname } from 'node:path';
import type { LoadedExercise, LoadedModule } from '../course/schema.js';
import { gradeExercise, type GradeSettings } from '../grade/grade-exercise.js';
import { DEFAULT_MEMORY_LIMIT_BYTES, DEFAULT_OUTPUT_LIMIT_BYTES, DEFAULT_TIMEOUT_SECONDS } from '../grade/grade-submission.js';
import type { GradingLane } from '../grade/grading-lane.js';
import type { Interpreters } from '../programs/interpreters.js';
import type { ExerciseGrade } from '../results/report-model.js';

export interface ProgramFileSettings {
  /** The environment the program's own is made from (see src/programs/program-env.ts). */
  env: NodeJS.ProcessEnv;
  /** Names of `env`'s variables the program also gets. */
  passEnv?: readonly string[];
  timeoutMs?: number;
  /** How much of the end of the output is kept. */
  outputKeepBytes?: number;
  /** Kill the program on SIGINT/SIGTERM (the CLI: yes; in-process tests: no). */
  handleSignals: boolean;
  /** Which Python and Node.js run it; default: REDIS_TUTOR_PYTHON / REDIS_TUTOR_NODE of `env`, else python3 and this Node.js. */
  interpreters?: Interpreters;
  /** The output as it comes, and a signal that stops the program (the TUI's watch). */
  onOutput?: (text: string) => void;
  cancel?: AbortSignal;
}

/** Enough for a learner's whole output in the usual case; a runaway program is cut at the grader's output limit. */
const DEFAULT_KEEP_BYTES = 64 * 1024;

/**
 * Grades one program file against an exercise once, exactly as `grade`
 * grades a program answer (src/grade/grade-exercise.ts): a clean sandbox
 * and the setup, the program with REDIS_URL under the time limit, its
 * commands recorded for used/notUsed, then the checks. The file's folder is
 * the program's working directory, as a submission folder is for `grade`.
 */
export function gradeProgramFile(
  lane: GradingLane,
  where: { module: LoadedModule; exercise: LoadedExercise },
  file: string,
  settings: ProgramFileSettings,
): Promise<ExerciseGrade> {
  const grade: GradeSettings = {
    timeoutMs: settings.timeoutMs ?? DEFAULT_TIMEOUT_SECONDS * 1000,
    memoryLimitBytes: DEFAULT_MEMORY_LIMIT_BYTES,
    outputLimitBytes: DEFAULT_OUTPUT_LIMIT_BYTES,
    outputKeepBytes: settings.outputKeepBytes ?? DEFAULT_KEEP_BYTES,
    submissionDir: dirname(file),
    env: settings.env,
    ...(settings.passEnv !== undefined && settings.passEnv.length > 0 ? { passEnv: settings.passEnv } : {}),
    handleSignals: settings.handleSignals,
    ...(settings.interpreters !== undefined ? { interpreters: settings.interpreters } : {}),
    ...(settings.onOutput !== undefined ? { onOutput: settings.onOutput } : {}),
    ...(settings.cancel !== undefined ? { cancel: settings.cancel } : {}),
  };
  const answer = { path: basename(file), absolutePath: file, kind: 'program' as const };
  return gradeExercise(lane, { ...where, answers: [answer] }, grade);
}
