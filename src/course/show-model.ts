import { localize } from './localize.js';
import type { CheckKind, Language, LoadedExercise, LoadedModule, Requirement } from './schema.js';

/** What `show` prints, in one language; also the `--json` output. */
export interface ShowModel {
  language: Language;
  id: string;
  title: string;
  module: { id: string; title: string };
  /** Markdown. */
  lesson: string;
  /** Markdown. */
  task: string;
  checks: Array<{ description: string; kind: CheckKind }>;
  keys: string[];
  docs: string[];
  requires?: Requirement;
  /** Only with --solution: the hints and the reference solution are the answers. */
  hints?: string[];
  solution?: string;
}

export function buildShowModel(
  module: LoadedModule,
  exercise: LoadedExercise,
  language: Language,
  options: { withSolution: boolean },
): ShowModel {
  const requires = exercise.requires ?? module.requires;
  return {
    language,
    id: exercise.id,
    title: localize(exercise.title, language),
    module: { id: module.id, title: localize(module.title, language) },
    lesson: localize(exercise.lesson, language),
    task: localize(exercise.task, language),
    checks: exercise.checks.map((check) => ({ description: localize(check.description, language), kind: check.kind })),
    keys: exercise.keys,
    docs: exercise.docs,
    ...(requires === undefined ? {} : { requires }),
    ...(options.withSolution
      ? { hints: exercise.hints.map((hint) => localize(hint, language)), solution: exercise.solution }
      : {}),
  };
}
