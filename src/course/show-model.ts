import { localize } from './localize.js';
import { cannotRunOn, describeNeeds, hasNeeds, runsBesideOn, serverNeeds, type CannotRun, type ServerFacts } from './requirement-fit.js';
import type { CheckKind, Language, LoadedExercise, LoadedModule, ProgramLanguage, Requirement } from './schema.js';

/** A program exercise: the learner's file in the workspace and how to run it (filled in by `show`, which made the file). */
export interface ShowProgram {
  language: ProgramLanguage;
  /** Absolute path of the learner's file. */
  file: string;
  /** Made from the starter by this `show`. */
  created: boolean;
  /** The command that runs and checks it. */
  run: string;
  /** The exercise's other languages and the command for each. */
  otherLanguages: Array<{ language: ProgramLanguage; run: string }>;
  /** Only with --solution: the reference solution of each language, where it is. */
  solutions?: Array<{ language: ProgramLanguage; file: string }>;
}

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
  /** The checks a student may read; a teacher's hidden ones are only counted in hiddenChecks. */
  checks: Array<{ description: string; kind: CheckKind }>;
  /** How many checks the teacher hid (`hidden: true`); absent when none. */
  hiddenChecks?: number;
  keys: string[];
  docs: string[];
  /** The exercise's own `requires` as written, else its module's. */
  requires?: Requirement;
  /** What it needs of the server (its module's needs included), in a few words. */
  needs?: string;
  /** Set when the known server cannot run it: why, and how to get one that can. */
  cannotRun?: CannotRun;
  /** Set when it runs on the private server the tutor starts beside a --url one: the one line that says so. */
  runsBeside?: string;
  program?: ShowProgram;
  /** Only with --solution: the hints and the reference solution are the answers. */
  hints?: string[];
  solution?: string;
}

export function buildShowModel(
  module: LoadedModule,
  exercise: LoadedExercise,
  language: Language,
  options: { withSolution: boolean; server?: ServerFacts; program?: ShowProgram },
): ShowModel {
  const requires = exercise.requires ?? module.requires;
  const needs = serverNeeds(module, exercise);
  const cannotRun = cannotRunOn(needs, options.server, language);
  const runsBeside = runsBesideOn(needs, options.server, language);
  return {
    language,
    id: exercise.id,
    title: localize(exercise.title, language),
    module: { id: module.id, title: localize(module.title, language) },
    lesson: localize(exercise.lesson, language),
    task: localize(exercise.task, language),
    checks: exercise.checks.filter((check) => check.hidden !== true).map((check) => ({ description: localize(check.description, language), kind: check.kind })),
    ...(exercise.checks.some((check) => check.hidden === true) ? { hiddenChecks: exercise.checks.filter((check) => check.hidden === true).length } : {}),
    keys: exercise.keys,
    docs: exercise.docs,
    ...(requires === undefined ? {} : { requires }),
    ...(hasNeeds(needs) ? { needs: describeNeeds(needs, language) } : {}),
    ...(cannotRun ? { cannotRun } : {}),
    ...(runsBeside !== undefined ? { runsBeside } : {}),
    ...(options.program ? { program: options.program } : {}),
    ...(options.withSolution
      ? { hints: exercise.hints.map((hint) => localize(hint, language)), ...(exercise.solution !== '' ? { solution: exercise.solution } : {}) }
      : {}),
  };
}
