import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { PROGRESS_HOME_ENV, progressFilePath } from '../../progress/progress-store.js';
import type { ProgressFact } from '../doctor-facts.js';

/** Where the tutor keeps progress and whether it could read and save it there, without creating anything. */
export function probeProgress(env: NodeJS.ProcessEnv): ProgressFact {
  const file = progressFilePath(env);
  const fromEnv = Boolean(env[PROGRESS_HOME_ENV]);
  // Saving writes a temporary file beside progress.json and renames it, so the folder must be writable too.
  if (existsSync(file)) {
    return { state: 'exists', file, fromEnv, readable: can(file, constants.R_OK), writable: can(file, constants.W_OK) && can(dirname(file), constants.W_OK) };
  }
  const creatableIn = nearestExisting(dirname(file));
  return { state: 'absent', file, fromEnv, creatableIn, writable: can(creatableIn, constants.W_OK | constants.X_OK) };
}

function nearestExisting(directory: string): string {
  let current = directory;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

function can(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
