import type { LoadedExercise } from '../course/schema.js';

/** Why the learner may want `:reset` after a command: the setup's data is gone, or RESET went to Redis. */
export type ResetHint = 'setup-flushed' | 'redis-reset';

/**
 * After FLUSHALL or FLUSHDB the exercise's prepared keys are gone with the
 * learner's, and nothing on screen says how to get them back; after RESET
 * the learner may have meant the tutor's :reset. Pure: the command's name,
 * whether it succeeded, and whether the exercise has a setup.
 */
export function resetHintAfter(command: string, succeeded: boolean, exercise: Pick<LoadedExercise, 'setupLines'>): ResetHint | undefined {
  if (!succeeded) return undefined;
  if ((command === 'flushall' || command === 'flushdb') && exercise.setupLines.length > 0) return 'setup-flushed';
  if (command === 'reset') return 'redis-reset';
  return undefined;
}
