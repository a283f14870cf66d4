import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.js';
import { bundledCourseDir, MODULE_FILE, NUMBERED_NAME } from './load.js';

/**
 * Which course a command reads: `--course DIR` (validate's DIR operand too),
 * else REDIS_TUTOR_COURSE, else REDIS_TUTOR_EXERCISES (its old name, kept
 * so existing set-ups go on working), else the bundled course. This is the
 * one place that decides; every command that loads a course asks it.
 */
export const COURSE_DIR_ENV = 'REDIS_TUTOR_COURSE';
export const COURSE_DIR_ENV_ALIAS = 'REDIS_TUTOR_EXERCISES';

export interface CourseChoice {
  /** Absolute path of the course folder. */
  dir: string;
  /** Where the folder was named, for messages: `--course`, `REDIS_TUTOR_COURSE`...; absent for the bundled course. */
  namedBy?: string;
  /** The folder as the person wrote it, for messages. */
  given?: string;
}

export interface CourseRequest {
  /** The --course option as commander parsed it. */
  option?: unknown;
  /** validate's DIR operand, which means the same as --course. */
  operand?: string;
}

/** The folder the course comes from, without looking at it (doctor reports an unreadable one itself). */
export function chooseCourseDir(request: CourseRequest, env: NodeJS.ProcessEnv, cwd: string): CourseChoice {
  const option = typeof request.option === 'string' && request.option !== '' ? request.option : undefined;
  if (request.operand !== undefined && option !== undefined && resolve(cwd, request.operand) !== resolve(cwd, option)) {
    throw new UserError(`two course folders given: ${request.operand} and --course ${option}.`, 'Give the folder once, either as DIR or as --course DIR.');
  }
  if (request.operand !== undefined) return { dir: resolve(cwd, request.operand), namedBy: 'DIR', given: request.operand };
  if (option !== undefined) return { dir: resolve(cwd, option), namedBy: '--course', given: option };
  for (const name of [COURSE_DIR_ENV, COURSE_DIR_ENV_ALIAS]) {
    const value = env[name];
    if (value !== undefined && value !== '') return { dir: resolve(cwd, value), namedBy: name, given: value };
  }
  return { dir: bundledCourseDir() };
}

/**
 * Chooses the course and makes sure a named folder can be one: it exists, is
 * a folder, and holds NN-<module> folders. A wrong folder is a usage error
 * with one line saying what is wrong and one saying what to give instead.
 */
export async function resolveCourseDir(request: CourseRequest, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const choice = chooseCourseDir(request, env, cwd);
  if (choice.namedBy === undefined) return choice.dir;
  const problem = await whyNotACourse(choice.dir, choice.given ?? choice.dir);
  if (problem === undefined) return choice.dir;
  throw new UserError(`the course folder ${choice.given ?? choice.dir} (from ${choice.namedBy}) ${problem.what}.`, problem.next);
}

const USAGE = 'A course folder holds one NN-<module> folder per module (01-leaderboard/ with module.yaml and NN-<exercise>.yaml files); see exercises/README.md.';

async function whyNotACourse(dir: string, given: string): Promise<{ what: string; next: string } | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (info === undefined) return { what: 'does not exist', next: `Check the path. ${USAGE}` };
  if (!info.isDirectory()) return { what: 'is a file, not a folder', next: USAGE };
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (entries === undefined) return { what: 'cannot be read', next: 'Check its permissions.' };
  if (entries.some((entry) => entry.isDirectory() && NUMBERED_NAME.test(entry.name))) return undefined;
  if (entries.some((entry) => entry.isFile() && entry.name === MODULE_FILE)) {
    return { what: `is a module folder (it has ${MODULE_FILE})`, next: `Give the folder above it, which holds the NN-<module> folders: --course ${join(given, '..')}` };
  }
  return { what: 'holds no module folder', next: USAGE };
}
