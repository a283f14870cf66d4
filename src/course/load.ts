import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import { buildExercise } from './build-exercise.js';
import { COURSE_FILE, readCourseFile } from './course-file.js';
import { hasErrors, type CourseProblem } from './course-problems.js';
import { formatPropertyPath, isPlainMap } from './property-path.js';
import {
  ExerciseFileSchema,
  ModuleFileSchema,
  SUPPORTED_FORMAT_VERSION,
  type Course,
  type Language,
  type LoadedExercise,
  type LoadedModule,
  type PathSegment,
} from './schema.js';
import { exerciseTexts, moduleTexts, type LocatedText } from './texts.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { explainIssues } from './zod-issues.js';

export interface CourseLoad {
  /** Everything that loaded; a file with errors is left out, the rest is kept. */
  course: Course;
  /** Errors (a file left out) and warnings (loaded, but worth fixing), in file order. */
  problems: CourseProblem[];
}

export const MODULE_FILE = 'module.yaml';
/** `02-strings` → number 2, name `strings`. */
export const NUMBERED_NAME = /^(\d+)-(.+)$/;
export const EXERCISE_FILE = /^(\d+)-(.+)\.yaml$/;

/** The course shipped in the package (exercises/ beside dist/ or src/). */
export function bundledCourseDir(): string {
  return fileURLToPath(new URL('../../exercises/', import.meta.url));
}

/**
 * Loads every module of a course folder, in the order of their NN- prefixes.
 * A broken file costs only itself (a broken module.yaml, its module): the
 * problems say what to fix and the rest of the course still loads.
 */
export async function loadCourse(dir: string | URL = bundledCourseDir()): Promise<CourseLoad> {
  const courseDir = resolve(dir instanceof URL ? fileURLToPath(dir) : dir);
  const entries = await readdir(courseDir, { withFileTypes: true }).catch((error: unknown) => {
    throw new UserError(
      `cannot read the exercise folder ${courseDir}: ${errorMessage(error)}`,
      'Check the path; a course folder holds one NN-<module> folder per module.',
      { cause: error },
    );
  });
  const moduleDirs = numbered(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name), NUMBERED_NAME);

  const { languages, problems } = await readCourseFile(courseDir);
  const modules: LoadedModule[] = [];
  for (const { name, number, id } of moduleDirs) {
    const result = await loadModule(join(courseDir, name), { number, id }, languages);
    problems.push(...result.problems);
    if (result.module) modules.push(result.module);
  }
  return { course: { dir: courseDir, languages, modules }, problems };
}

async function loadModule(
  dir: string,
  expected: { number: number; id: string },
  languages: readonly Language[],
): Promise<{ module?: LoadedModule; problems: CourseProblem[] }> {
  const file = join(dir, MODULE_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) {
    return {
      problems: [
        { severity: 'error', code: 'missing-module-file', file: dir, message: `no ${MODULE_FILE} — every module folder needs one (formatVersion, id, title, summary)` },
      ],
    };
  }
  const parsed = validateFile(file, text, ModuleFileSchema, expected.id, 'module', 'folder');
  if (!parsed.data) return { problems: parsed.problems };
  const moduleFile = parsed.data;
  // An English-only course (course.yaml: languages: [en]) is not asked for Russian texts.
  const untranslated = (source: YamlSource, texts: readonly LocatedText[]) => (languages.includes('ru') ? missingTranslations(source, texts) : []);
  const problems = [...parsed.problems, ...untranslated(parsed.source, moduleTexts(moduleFile))];

  const names = await readdir(dir, { withFileTypes: true });
  const exercises: LoadedExercise[] = [];
  const exerciseFiles = numbered(names.filter((entry) => entry.isFile()).map((entry) => entry.name), EXERCISE_FILE);
  for (const { name, number, id } of exerciseFiles) {
    const exerciseFile = join(dir, name);
    const exerciseText = await readFile(exerciseFile, 'utf8').catch((error: unknown) => error);
    if (typeof exerciseText !== 'string') {
      problems.push({ severity: 'error', code: 'unreadable', file: exerciseFile, message: `cannot read the file: ${String(exerciseText)}` });
      continue;
    }
    const exercise = validateFile(exerciseFile, exerciseText, ExerciseFileSchema, id, 'exercise', 'file');
    problems.push(...exercise.problems);
    if (!exercise.data) continue;
    problems.push(...untranslated(exercise.source, exerciseTexts(exercise.data)));
    exercises.push(buildExercise(exercise.data, exercise.source, { moduleId: moduleFile.id, number }));
  }

  return {
    module: {
      id: moduleFile.id,
      number: expected.number,
      dir,
      file,
      title: moduleFile.title,
      summary: moduleFile.summary,
      ...(moduleFile.requires === undefined ? {} : { requires: moduleFile.requires }),
      exercises,
      locate: parsed.source.locate,
    },
    problems,
  };
}

interface Validated<T> {
  source: YamlSource;
  /** Absent when the file has errors. */
  data?: T;
  problems: CourseProblem[];
}

/** Parse, refuse newer formats, validate, and check the id against the file name — each step only if the previous held. */
function validateFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
  expectedId: string,
  what: 'module' | 'exercise',
  namedBy: 'folder' | 'file',
): Validated<z.infer<S>> {
  const source = parseYamlSource(file, text);
  const problems = [...source.problems];
  const fail = (problem: Omit<CourseProblem, 'file' | 'severity'> & { path?: PathSegment[] }): Validated<z.infer<S>> => {
    const { path, ...rest } = problem;
    const location = path ? source.locate(path) : undefined;
    problems.push({ severity: 'error', file, ...(location ? { line: location.line, column: location.column } : {}), ...rest });
    return { source, problems };
  };
  if (hasErrors(problems)) return { source, problems };
  if (!isPlainMap(source.value)) {
    return fail({ code: 'schema', path: [], message: `expected a map of ${what} fields (formatVersion, id, title, ...)` });
  }

  const version = source.value.formatVersion;
  if (typeof version === 'number' && version > SUPPORTED_FORMAT_VERSION) {
    return fail({
      code: 'format-version',
      path: ['formatVersion'],
      message: `formatVersion ${version} is newer than this redis-tutor understands (it reads up to ${SUPPORTED_FORMAT_VERSION}) — upgrade redis-tutor (npm install -g redis-tutor@latest)`,
    });
  }

  const result = schema.safeParse(source.value);
  if (!result.success) {
    for (const issue of explainIssues(result.error.issues, source.value)) {
      const location = issue.key === undefined ? source.locate(issue.path) : source.locateKey(issue.path, issue.key);
      problems.push({ severity: 'error', code: 'schema', file, line: location.line, column: location.column, message: issue.message });
    }
    return { source, problems };
  }

  const data = result.data as z.infer<S> & { id: string };
  if (data.id !== expectedId) {
    return fail({
      code: 'id-mismatch',
      path: ['id'],
      message: `id: "${data.id}" does not match the ${namedBy} name — expected "${expectedId}" (the ${namedBy} name without its number), or rename the ${namedBy}`,
    });
  }
  return { source, data, problems };
}

function missingTranslations(source: YamlSource, texts: readonly LocatedText[]): CourseProblem[] {
  return texts
    .filter(({ text }) => text.ru === undefined)
    .map(({ path }) => {
      const location = source.locate(path);
      return {
        severity: 'warning' as const,
        code: 'missing-translation' as const,
        file: source.file,
        line: location.line,
        column: location.column,
        message: `${formatPropertyPath(path)}: no Russian text (ru) — English is shown instead (an English-only course says languages: [en] in ${COURSE_FILE})`,
      };
    });
}

/** Names like `NN-rest`, ordered by NN then name; others are left to lint as stray files. */
function numbered(names: readonly string[], pattern: RegExp): Array<{ name: string; number: number; id: string }> {
  return names
    .flatMap((name) => {
      const match = pattern.exec(name);
      return match?.[1] !== undefined && match[2] !== undefined ? [{ name, number: Number(match[1]), id: match[2] }] : [];
    })
    .sort((a, b) => a.number - b.number || a.name.localeCompare(b.name));
}
