import type { LoadedExercise, LoadedModule } from '../course/schema.js';

/**
 * True when the exercise (or its module) needs a server redis-tutor started
 * itself; validate and grade both skip such exercises under --url.
 */
/** Why validate and grade skip such an exercise, in English. */
export const OWNED_SERVER_SKIP_REASON = 'needs a server redis-tutor starts itself (not with --url)';

export function needsOwnedServer(module: LoadedModule, exercise: LoadedExercise): boolean {
  return (exercise.requires ?? module.requires) === 'owned-server';
}
