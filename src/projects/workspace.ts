import { constants } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import envPaths from 'env-paths';
import { EnvironmentError, errorMessage } from '../errors.js';
import { PROGRAM_EXTENSIONS, type LoadedExercise, type ProgramLanguage } from '../course/schema.js';

/** Moves the workspace (`--workspace` moves it for one command). */
export const WORKSPACE_ENV = 'REDIS_TUTOR_WORKSPACE';
/** The tutor's data folder (tests, several learners on one account); the workspace is a folder in it. */
const TUTOR_HOME_ENV = 'REDIS_TUTOR_HOME';
const WORKSPACE_FOLDER = 'workspace';

/**
 * Where learners' program files live: `--workspace`, else REDIS_TUTOR_WORKSPACE,
 * else `workspace/` in the tutor's data folder (REDIS_TUTOR_HOME, else the
 * platform's data dir: ~/.local/share/redis-tutor/workspace on Linux).
 */
export function workspaceDir(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (option !== undefined && option !== '') return resolve(cwd, option);
  const fromEnv = env[WORKSPACE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return resolve(cwd, fromEnv);
  const home = env[TUTOR_HOME_ENV];
  return join(home !== undefined && home !== '' ? resolve(cwd, home) : envPaths('redis-tutor', { suffix: '' }).data, WORKSPACE_FOLDER);
}

/** `WORKSPACE/getting-started/hello-script.py`: a module folder per module, as `grade` reads a submission. */
export function workspaceFile(dir: string, exercise: Pick<LoadedExercise, 'moduleId' | 'localId'>, language: ProgramLanguage): string {
  return join(dir, exercise.moduleId, `${exercise.localId}${PROGRAM_EXTENSIONS[language]}`);
}

/** The learner's file for a language: its path and whether this call made it from the starter. */
export interface WorkspaceFile {
  path: string;
  language: ProgramLanguage;
  created: boolean;
}

/**
 * The learner's file, made from the starter the first time and never
 * written again after: it is theirs from then on. (A JavaScript file finds
 * the tutor's own ioredis when it runs: src/programs/tutor-ioredis.ts.)
 */
export async function ensureWorkspaceFile(dir: string, exercise: LoadedExercise, language: ProgramLanguage): Promise<WorkspaceFile> {
  const starter = exercise.program?.[language]?.starterPath;
  const path = workspaceFile(dir, exercise, language);
  if (starter === undefined) throw new Error(`${exercise.id} has no ${language} starter`);
  let created: boolean;
  try {
    await mkdir(dirname(path), { recursive: true });
    // COPYFILE_EXCL: an existing file, even one made a moment ago by another tutor, is left as it is.
    created = await copyFile(starter, path, constants.COPYFILE_EXCL).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') return false;
        throw error;
      },
    );
  } catch (error) {
    throw new EnvironmentError(
      `cannot create your program file ${path}: ${errorMessage(error)}.`,
      `Choose a folder you can write to with --workspace DIR (or ${WORKSPACE_ENV}=DIR).`,
      { cause: error },
    );
  }
  return { path, language, created };
}

/** The learner's files that already exist for an exercise, with when each was last changed. */
export async function existingWorkspaceFiles(
  dir: string,
  exercise: LoadedExercise,
  languages: readonly ProgramLanguage[],
): Promise<Array<{ language: ProgramLanguage; modifiedMs: number }>> {
  const found: Array<{ language: ProgramLanguage; modifiedMs: number }> = [];
  for (const language of languages) {
    const info = await stat(workspaceFile(dir, exercise, language)).catch(() => undefined);
    if (info?.isFile()) found.push({ language, modifiedMs: info.mtimeMs });
  }
  return found;
}
