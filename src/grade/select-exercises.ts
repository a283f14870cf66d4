import { closestMatches } from '../course/closest.js';
import { findModule } from '../course/find-module.js';
import type { Course, LoadedExercise, LoadedModule } from '../course/schema.js';
import { UserError } from '../errors.js';

export interface Selection {
  module: LoadedModule;
  exercises: LoadedExercise[];
}

const LIST_HINT = 'Run `redis-tutor list` to see every module and exercise id.';

/**
 * The exercises `--module` and `--exercise` ask for, in course order. An
 * exercise is `module/exercise`, or just `exercise` when it is unique (or
 * when --module names its module). An unknown id is a usage error that
 * suggests the closest ones: grading the wrong scope silently would be worse.
 */
export function selectExercises(course: Course, filter: { moduleId?: string; exerciseId?: string }): Selection[] {
  let modules = course.modules;
  if (filter.moduleId !== undefined) {
    modules = [findModule(course, filter.moduleId)];
  }
  const all = modules.map((module) => ({ module, exercises: module.exercises }));
  if (filter.exerciseId === undefined) return all;

  const wanted = filter.exerciseId;
  const matches = all.flatMap(({ module, exercises }) =>
    exercises.filter((exercise) => exercise.id === wanted || exercise.localId === wanted).map((exercise) => ({ module, exercises: [exercise] })),
  );
  if (matches.length === 1) return matches;
  if (matches.length > 1) {
    throw new UserError(`"${wanted}" names an exercise in several modules: ${matches.map((match) => match.exercises[0]?.id).join(', ')}.`, 'Give the full id MODULE/EXERCISE, or add --module.');
  }
  const exercises = all.flatMap((selection) => selection.exercises);
  // `countr` is compared with `counter` as well as with `basics/counter`.
  const byLocalId = closestMatches(wanted, exercises.map((exercise) => exercise.localId)).flatMap((localId) =>
    exercises.filter((exercise) => exercise.localId === localId).map((exercise) => exercise.id),
  );
  throw unknown('exercise', wanted, exercises.map((exercise) => exercise.id), byLocalId);
}

function unknown(what: 'exercise', id: string, candidates: string[], alsoSuggest: string[] = []): UserError {
  const suggestions = [...new Set([...alsoSuggest, ...closestMatches(id, candidates)])].slice(0, 3);
  return new UserError(`unknown ${what} "${id}".`, suggestions.length > 0 ? `Did you mean ${suggestions.join(', ')}? ${LIST_HINT}` : LIST_HINT);
}
