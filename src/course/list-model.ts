import { localize } from './localize.js';
import { NO_PROGRESS, type ExerciseStatus, type ProgressLookup } from './progress-slot.js';
import type { Course, Language, Requirement } from './schema.js';

/** What `list` shows, in one language; also the `--json` output. */
export interface ListModel {
  language: Language;
  modules: ListModule[];
  exerciseCount: number;
  solvedCount: number;
}

export interface ListModule {
  id: string;
  number: number;
  title: string;
  summary: string;
  requires?: Requirement;
  exerciseCount: number;
  solvedCount: number;
  exercises: ListExercise[];
}

export interface ListExercise {
  /** `module/exercise` */
  id: string;
  number: number;
  title: string;
  status: ExerciseStatus;
  checkCount: number;
  hintCount: number;
  requires?: Requirement;
}

export function buildListModel(course: Course, language: Language, progress: ProgressLookup = NO_PROGRESS): ListModel {
  const modules = course.modules.map((module): ListModule => {
    const exercises = module.exercises.map(
      (exercise): ListExercise => ({
        id: exercise.id,
        number: exercise.number,
        title: localize(exercise.title, language),
        status: progress(exercise.id),
        checkCount: exercise.checks.length,
        hintCount: exercise.hints.length,
        ...(exercise.requires === undefined ? {} : { requires: exercise.requires }),
      }),
    );
    return {
      id: module.id,
      number: module.number,
      title: localize(module.title, language),
      summary: localize(module.summary, language),
      ...(module.requires === undefined ? {} : { requires: module.requires }),
      exerciseCount: exercises.length,
      solvedCount: exercises.filter((exercise) => exercise.status === 'solved').length,
      exercises,
    };
  });
  return {
    language,
    modules,
    exerciseCount: modules.reduce((sum, module) => sum + module.exerciseCount, 0),
    solvedCount: modules.reduce((sum, module) => sum + module.solvedCount, 0),
  };
}
