import { UserError } from '../errors.js';
import { closestMatches } from './closest.js';
import type { Course, LoadedExercise, LoadedModule } from './schema.js';

/** The exercise with full id `module/exercise`, or a UserError that suggests what was probably meant. */
export function findExercise(course: Course, id: string): { module: LoadedModule; exercise: LoadedExercise } {
  for (const module of course.modules) {
    const exercise = module.exercises.find((candidate) => candidate.id === id);
    if (exercise) return { module, exercise };
  }

  const listHint = 'Run `redis-tutor list` to see every exercise.';
  const module = course.modules.find((candidate) => candidate.id === id);
  if (module) {
    const ids = module.exercises.map((exercise) => exercise.id);
    throw new UserError(
      `"${id}" is a module; show takes an exercise id MODULE/EXERCISE.`,
      ids.length > 0 ? `Its exercises: ${ids.join(', ')}.` : listHint,
    );
  }

  const allIds = course.modules.flatMap((candidate) => candidate.exercises.map((exercise) => exercise.id));
  // Also compare with the part after the slash, so `counter` finds `getting-started/counter`.
  const byLocalId = allIds.filter((full) => full.split('/')[1] === id);
  const suggestions = [...new Set([...byLocalId, ...closestMatches(id, allIds)])].slice(0, 3);
  throw new UserError(
    `unknown exercise "${id}".`,
    suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}? ${listHint}` : listHint,
  );
}
