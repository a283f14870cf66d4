import type { Course, LoadedExercise, LoadedModule } from '../course/schema.js';
import type { Progress } from '../progress/progress-file.js';

/** The course as one ordered list of exercises: what next/prev and "continue" walk. */
export interface Place {
  module: LoadedModule;
  exercise: LoadedExercise;
  /** 1-based position inside its module. */
  position: number;
}

export function allPlaces(course: Course): Place[] {
  return course.modules.flatMap((module) => module.exercises.map((exercise, i) => ({ module, exercise, position: i + 1 })));
}

export function placeOf(course: Course, id: string): Place | undefined {
  return allPlaces(course).find((place) => place.exercise.id === id);
}

export function nextPlace(course: Course, id: string): Place | undefined {
  const places = allPlaces(course);
  const index = places.findIndex((place) => place.exercise.id === id);
  return index < 0 ? undefined : places[index + 1];
}

export function prevPlace(course: Course, id: string): Place | undefined {
  const places = allPlaces(course);
  const index = places.findIndex((place) => place.exercise.id === id);
  return index <= 0 ? undefined : places[index - 1];
}

/**
 * Where "continue" goes: the exercise the learner was on, unless it is
 * solved, then the first unsolved one after it (then from the start).
 */
export function resumePlace(course: Course, progress: Progress): Place | undefined {
  const places = allPlaces(course);
  const unsolved = (place: Place) => progress.exercises[place.exercise.id]?.status !== 'solved';
  const lastIndex = progress.last ? places.findIndex((place) => place.exercise.id === progress.last) : -1;
  if (lastIndex >= 0) {
    const last = places[lastIndex] as Place;
    if (unsolved(last)) return last;
    return places.slice(lastIndex + 1).find(unsolved) ?? places.find(unsolved);
  }
  return places.find(unsolved);
}

/** The first unsolved exercise of a module, else its first. */
export function moduleEntry(module: LoadedModule, progress: Progress): LoadedExercise | undefined {
  return module.exercises.find((exercise) => progress.exercises[exercise.id]?.status !== 'solved') ?? module.exercises[0];
}
