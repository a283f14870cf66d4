import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { findExercise } from '../course/find-exercise.js';
import { readCourse } from '../course/read-course.js';
import { programLanguages, type LoadedExercise, type LoadedModule, type ProgramLanguage } from '../course/schema.js';
import { connectRespLearner } from '../engine/default-learner.js';
import { UserError, errorMessage } from '../errors.js';
import { GradingLane } from '../grade/grading-lane.js';
import { everyAnswerGone } from '../programs/contain-process.js';
import type { Interpreters } from '../programs/interpreters.js';
import type { ExerciseGrade } from '../results/report-model.js';
import { gradeProgramFile } from './grade-program-file.js';
import { onExerciseLane } from '../grade/topology-lane.js';
import { learnerProgramEnv } from './learner-env.js';
import { chooseLanguage, languageOfFile } from './program-language.js';
import { ensureWorkspaceFile, existingWorkspaceFiles, workspaceDir } from './workspace.js';

/** The exercise and the learner's file, found (and made from the starter) before any server starts. */
export interface PreparedRun {
  module: LoadedModule;
  exercise: LoadedExercise;
  /** Absolute path of the program that runs. */
  file: string;
  /** undefined: a file whose extension names no course language (a .sh, an executable). */
  language: ProgramLanguage | undefined;
  /** The workspace file was made from the starter by this run. */
  created: boolean;
  /** The file is the workspace's (no FILE was given). */
  fromWorkspace: boolean;
  /** A note for stderr: course files that could not be loaded. */
  note?: string;
}

export interface PrepareRunOptions {
  courseDir: string;
  /** MODULE/EXERCISE */
  exerciseId: string;
  /** FILE as the learner typed it; else the workspace file. */
  file?: string;
  /** `--in`: the language of the workspace file. */
  language?: ProgramLanguage;
  /** `--workspace` */
  workspace?: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Finds the exercise and the file to run: FILE as given, or the learner's workspace file (made from the starter the first time). */
export async function prepareRun(options: PrepareRunOptions): Promise<PreparedRun> {
  const { course, note } = await readCourse(options.courseDir);
  const { module, exercise } = findExercise(course, options.exerciseId);
  const found = { module, exercise, ...(note !== undefined ? { note } : {}) };
  if (options.file !== undefined) {
    const file = resolve(options.cwd, options.file);
    const info = await stat(file).catch((error: unknown) => errorMessage(error));
    if (typeof info === 'string' || !info.isFile()) {
      throw new UserError(
        `cannot run ${file}: ${typeof info === 'string' ? info : 'it is not a file'}.`,
        `Check the path; without FILE, \`redis-tutor run ${exercise.id}\` runs your workspace file.`,
      );
    }
    return { ...found, file, language: languageOfFile(file), created: false, fromWorkspace: false };
  }
  const offered = programLanguages(exercise.program);
  if (offered.length === 0) {
    throw new UserError(
      `${exercise.id} is solved at the prompt, not with a program: it has no starter to run.`,
      `Open it with \`redis-tutor start --exercise ${exercise.id}\`, or check a program of yours against it: \`redis-tutor run ${exercise.id} FILE\`.`,
    );
  }
  const dir = workspaceDir(options.workspace, options.env, options.cwd);
  const language = chooseLanguage({ exerciseId: exercise.id, requested: options.language, offered, existing: await existingWorkspaceFiles(dir, exercise, offered) });
  const made = await ensureWorkspaceFile(dir, exercise, language);
  return { ...found, file: made.path, language, created: made.created, fromWorkspace: true };
}

export interface RunProgramOnceOptions {
  env: NodeJS.ProcessEnv;
  url?: string;
  redisServerBin?: string;
  force?: boolean;
  ownershipFile?: string;
  timeoutMs?: number;
  handleSignals: boolean;
  interpreters?: Interpreters;
}

/** What one run found, and on which server. */
export interface ProgramRunResult {
  grade: ExerciseGrade;
  /** "private redis-server 7.0.15 on 127.0.0.1:41234" */
  server: string;
}

/**
 * Runs the prepared file once on a clean sandbox of a private server (or
 * --url) and grades it as `grade` would: the program gets REDIS_URL, its
 * output is kept, and the exercise's checks judge what it left. The server
 * is stopped and every process of the program is gone when this returns.
 */
export async function runProgramOnce(prepared: PreparedRun, options: RunProgramOnceOptions): Promise<ProgramRunResult> {
  const lane = await GradingLane.open({
    env: options.env,
    connectLearner: connectRespLearner,
    handleSignals: options.handleSignals,
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}),
    ...(options.force !== undefined ? { force: options.force } : {}),
    ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
  });
  try {
    const learner = learnerProgramEnv(options.env, { platform: process.platform, home: homedir() });
    // A lab (topology:) runs on servers of its own, as grade and validate run it.
    const grade = await onExerciseLane(prepared.exercise, lane, (on) =>
      gradeProgramFile(on, prepared, prepared.file, {
        env: learner.env,
        passEnv: learner.passEnv,
        handleSignals: options.handleSignals,
        ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.interpreters !== undefined ? { interpreters: options.interpreters } : {}),
      }),
    );
    return { grade, server: lane.target.describe() };
  } finally {
    await lane.close();
    await everyAnswerGone();
  }
}
