import { homedir } from 'node:os';
import { programLanguages, type LoadedExercise, type LoadedModule, type ProgramLanguage } from '../course/schema.js';
import type { Supervisor } from '../engine/supervisor.js';
import { gradeTexts } from '../grade/grade-texts.js';
import { GradingLane } from '../grade/grading-lane.js';
import { onExerciseLane } from '../grade/topology-lane.js';
import type { Interpreters } from '../programs/interpreters.js';
import type { BilingualText, ExerciseResult } from '../results/check-result.js';
import type { ExerciseGrade } from '../results/report-model.js';
import { gradeProgramFile } from './grade-program-file.js';
import { learnerProgramEnv } from './learner-env.js';
import { chooseLanguage } from './program-language.js';
import { ensureWorkspaceFile, existingWorkspaceFiles, workspaceDir } from './workspace.js';

export interface TuiProgramRunsOptions {
  /** The TUI's own: a run resets the same sandbox the prompt uses, through the same engine. */
  supervisor: Supervisor;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** `--workspace`; else REDIS_TUTOR_WORKSPACE, else the tutor's data folder (./workspace.ts). */
  workspace?: string;
  interpreters?: Interpreters;
  timeoutMs?: number;
}

/** The learner's file for an exercise, as the TUI shows it. */
export interface OpenedProgram {
  file: string;
  language: ProgramLanguage;
  languages: ProgramLanguage[];
  created: boolean;
}

/** One run as the TUI needs it: the checks' verdicts, or why the program never got to them (the checklist stays). */
export type TuiRunOutcome = (
  | { kind: 'checked'; result: ExerciseResult; exitCode: number | null }
  | { kind: 'failed'; problem: BilingualText; exitCode: number | null }
) & { /** Where the run's time went (bench/program-watch.js). */ timings?: ExerciseGrade['timings'] };

/**
 * What the TUI's program watch (src/tutor/program-watch.ts) does with files
 * and programs, done as `redis-tutor run` does it: the workspace file made
 * from the starter once (./workspace.ts), and each run graded by
 * gradeProgramFile on the TUI's own engine — a clean sandbox, the program
 * with REDIS_URL/HOST/PORT through the tap, the actors, then the checks;
 * a lab exercise's run on a lab of its own (../grade/topology-lane.ts).
 */
export function tuiProgramRuns(options: TuiProgramRunsOptions) {
  const dir = workspaceDir(options.workspace, options.env, options.cwd);
  const learner = learnerProgramEnv(options.env, { platform: process.platform, home: homedir() });
  return {
    /** The file in `language` (default: the one changed last, else the first offered), made from the starter if new; undefined for a typed exercise. */
    async open(exercise: LoadedExercise, language?: ProgramLanguage): Promise<OpenedProgram | undefined> {
      const offered = programLanguages(exercise.program);
      if (offered.length === 0) return undefined;
      const chosen = chooseLanguage({ exerciseId: exercise.id, requested: language, offered, existing: await existingWorkspaceFiles(dir, exercise, offered) });
      const made = await ensureWorkspaceFile(dir, exercise, chosen);
      return { file: made.path, language: chosen, languages: [...offered], created: made.created };
    },

    async run(
      where: { module: LoadedModule; exercise: LoadedExercise },
      file: string,
      hooks: { onOutput: (text: string) => void; cancel: AbortSignal },
    ): Promise<TuiRunOutcome> {
      // A lab exercise's program gets a lab of its own for the run, as `run` and grade give it (the prompt's lab is the learner's).
      const grade = await onExerciseLane(where.exercise, GradingLane.over(options.supervisor), (lane) => gradeProgramFile(lane, where, file, {
        env: learner.env,
        passEnv: learner.passEnv,
        // The tutor's own exit cleanup (start.ts) ends the programs with the server; no handlers of the grader's.
        handleSignals: false,
        onOutput: hooks.onOutput,
        cancel: hooks.cancel,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.interpreters !== undefined ? { interpreters: options.interpreters } : {}),
      }));
      return tuiOutcome(grade);
    },
  };
}

export type TuiProgramRuns = ReturnType<typeof tuiProgramRuns>;

/** A grade as the TUI shows it: a problem (a traceback's exit code, the time limit, a skip) leaves the checklist as it was. */
export function tuiOutcome(grade: ExerciseGrade): TuiRunOutcome {
  const exitCode = grade.output?.exitCode ?? null;
  const timings = grade.timings !== undefined ? { timings: grade.timings } : {};
  if (grade.status === 'skipped') return { kind: 'failed', problem: { en: grade.skipReason ?? 'skipped', ru: grade.skipReason ?? 'пропущено' }, exitCode, ...timings };
  if (grade.problem !== undefined) return { kind: 'failed', problem: { en: gradeTexts('en').problem(grade.problem), ru: gradeTexts('ru').problem(grade.problem) }, exitCode, ...timings };
  const checksMs = grade.timings?.checksMs ?? 0;
  return {
    kind: 'checked',
    exitCode,
    ...timings,
    result: { id: grade.id, passed: grade.status === 'passed', checks: grade.checks, timings: { checksMs, firstPassMs: checksMs, passes: 1 } },
  };
}
