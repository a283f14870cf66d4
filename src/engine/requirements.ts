import type { LoadedExercise, LoadedModule } from '../course/schema.js';

/**
 * True when the exercise (or its module) needs a server redis-tutor started
 * itself; validate and grade both skip such exercises under --url.
 */
export function needsOwnedServer(module: LoadedModule, exercise: LoadedExercise): boolean {
  return (exercise.requires ?? module.requires) === 'owned-server';
}
