import { resolve } from 'node:path';
import { bundledCourseDir } from './load.js';

/**
 * Which course `list`, `show` and `start` read: the bundled one, unless
 * REDIS_TUTOR_EXERCISES names another folder (authors previewing their own
 * course, and tests).
 */
export const COURSE_DIR_ENV = 'REDIS_TUTOR_EXERCISES';

export function courseDirFor(env: NodeJS.ProcessEnv, cwd: string): string {
  const override = env[COURSE_DIR_ENV];
  return override ? resolve(cwd, override) : bundledCourseDir();
}
