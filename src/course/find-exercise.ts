import { UserError } from '../errors.js';
import { closestMatches } from './closest.js';
import { unknownModuleError } from './find-module.js';
import type { Course, Language, LoadedExercise, LoadedModule } from './schema.js';

const TEXTS = {
  en: {
    listHint: 'Run `redis-tutor list` to see every exercise.',
    isModule: (id: string) => `"${id}" is a module; show takes an exercise id MODULE/EXERCISE.`,
    itsExercises: (ids: string[]) => `Its exercises: ${ids.join(', ')}.`,
    unknown: (id: string) => `unknown exercise "${id}".`,
    didYouMean: (ids: string[], hint: string) => `Did you mean ${ids.join(', ')}? ${hint}`,
  },
  ru: {
    listHint: 'Все упражнения покажет `redis-tutor list`.',
    isModule: (id: string) => `"${id}" — это модуль; show принимает упражнение: МОДУЛЬ/УПРАЖНЕНИЕ.`,
    itsExercises: (ids: string[]) => `Его упражнения: ${ids.join(', ')}.`,
    unknown: (id: string) => `нет упражнения "${id}".`,
    didYouMean: (ids: string[], hint: string) => `Может быть, ${ids.join(', ')}? ${hint}`,
  },
} as const;

/** The exercise with full id `module/exercise`, or a UserError that suggests what was probably meant. */
export function findExercise(course: Course, id: string, language: Language = 'en'): { module: LoadedModule; exercise: LoadedExercise } {
  for (const module of course.modules) {
    const exercise = module.exercises.find((candidate) => candidate.id === id);
    if (exercise) return { module, exercise };
  }

  const t = TEXTS[language];
  const module = course.modules.find((candidate) => candidate.id === id);
  if (module) {
    const ids = module.exercises.map((exercise) => exercise.id);
    throw new UserError(t.isModule(id), ids.length > 0 ? t.itsExercises(ids) : t.listHint);
  }

  const allIds = course.modules.flatMap((candidate) => candidate.exercises.map((exercise) => exercise.id));
  // Also compare with the part after the slash, so `counter` finds `getting-started/counter`.
  const [modulePart, localPart] = id.split('/');
  const byLocalId = allIds.filter((full) => full.split('/')[1] === (localPart ?? id));
  const suggestions = [...new Set([...byLocalId, ...closestMatches(id, allIds)])].slice(0, 3);
  // `expiry/ttl`: a module that is not there and no exercise like it; what the module was meant to be helps more.
  if (suggestions.length === 0 && localPart !== undefined && modulePart !== undefined && !course.modules.some((candidate) => candidate.id === modulePart)) {
    throw unknownModuleError(course, modulePart, language);
  }
  throw new UserError(t.unknown(id), suggestions.length > 0 ? t.didYouMean(suggestions, t.listHint) : t.listHint);
}
