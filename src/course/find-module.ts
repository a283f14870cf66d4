import { UserError } from '../errors.js';
import { likelyMeant } from './closest.js';
import type { Course, Language, LoadedModule } from './schema.js';

const TEXTS = {
  en: {
    unknown: (id: string, guesses: string[]) =>
      guesses.length > 0 ? `no module "${id}" — did you mean ${orList(guesses, 'or')}?` : `no module "${id}".`,
    listHint: '`redis-tutor list` shows them all.',
  },
  ru: {
    unknown: (id: string, guesses: string[]) =>
      guesses.length > 0 ? `нет модуля "${id}" — может быть, ${orList(guesses, 'или')}?` : `нет модуля "${id}".`,
    listHint: '`redis-tutor list` покажет их все.',
  },
} as const;

/**
 * The module `--module` names, by id or number (`expiry-caching`, `7`); an
 * unknown one is a usage error (exit 2) with the ids it most likely meant.
 */
export function findModule(course: Course, id: string, language: Language = 'en'): LoadedModule {
  const module = course.modules.find((candidate) => candidate.id === id || String(candidate.number) === id);
  if (module) return module;
  throw unknownModuleError(course, id, language);
}

export function unknownModuleError(course: Course, id: string, language: Language = 'en'): UserError {
  const t = TEXTS[language];
  const guesses = likelyMeant(id, course.modules.map((candidate) => candidate.id));
  return new UserError(t.unknown(id, guesses), t.listHint);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
function orList(items: readonly string[], or: string): string {
  const quoted = items.map((item) => `"${item}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${or} ${quoted.at(-1) ?? ''}`;
}
