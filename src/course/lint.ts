import { access, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { findModuleSyntaxError } from '../lib/module-syntax.js';
import { findTypeScriptSyntaxError, isTypeScriptModule } from '../lib/typescript-source.js';
import { splitArgs } from '../redis-cli/split-args.js';
import { closestMatches } from './closest.js';
import { commandNameProblems } from './command-names.js';
import { COURSE_FILE } from './course-file.js';
import { EXERCISE_FILE, MODULE_FILE, NUMBERED_NAME } from './load.js';
import { formatPropertyPath } from './property-path.js';
import { serverNeeds } from './requirement-fit.js';
import type { CourseProblem } from './course-problems.js';

/** The folder of a module that holds the starters and solutions of its program exercises. */
const PROGRAMS_DIR = 'programs';
import { ACTOR_DIRECTIVES, NODE_DIRECTIVES, directiveName, isActorDirective, programLanguages, type Course, type LoadedExercise, type LoadedModule, type PathSegment, type SourceLocation } from './schema.js';
import { exerciseTexts, moduleTexts, type LocatedText } from './texts.js';

/**
 * Content rules beyond the schema, for `validate`. Runs on what loaded; the
 * loader's own problems (syntax, schema, missing translations) are not
 * repeated here — `validate` shows both lists.
 */
export async function lintCourse(course: Course): Promise<CourseProblem[]> {
  const problems: CourseProblem[] = [];
  problems.push(...duplicateIds(course));
  problems.push(...(await strayFiles(course.dir)));
  for (const module of course.modules) {
    problems.push(...emptyTexts(moduleTexts(module), module.locate));
    for (const exercise of module.exercises) {
      problems.push(...emptyTexts(exerciseTexts(exercise), exercise.locate));
      problems.push(...unparsableLines(exercise));
      problems.push(...actorDirectives(module, exercise));
      problems.push(...commandNameProblems(exercise));
      problems.push(...(await brokenJsModules(exercise)));
      problems.push(...(await missingProgramFiles(exercise)));
    }
  }
  return problems;
}

function problemAt(location: SourceLocation, severity: CourseProblem['severity'], code: CourseProblem['code'], message: string): CourseProblem {
  return { severity, code, file: location.file, line: location.line, column: location.column, message };
}

/**
 * Ids come from the names, so duplicates are `01-strings/` beside
 * `05-strings/`; a repeated number makes the order a coin toss.
 */
function duplicateIds(course: Course): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const name = (location: SourceLocation) => relative(course.dir, location.file).split(sep).join('/');
  const seen = <T extends { id: string; number: number }>(items: readonly T[], where: (item: T) => SourceLocation, what: string) => {
    const byId = new Map<string, T>();
    const byNumber = new Map<number, T>();
    for (const item of items) {
      const sameId = byId.get(item.id);
      if (sameId) problems.push(problemAt(where(item), 'error', 'duplicate-id', `id: ${what} id "${item.id}" is also used by ${name(where(sameId))}`));
      else byId.set(item.id, item);
      const sameNumber = byNumber.get(item.number);
      if (sameNumber && sameNumber.id !== item.id) {
        problems.push(
          problemAt(where(item), 'warning', 'duplicate-number', `${what} number ${item.number} is also used by ${name(where(sameNumber))}; the order between them is arbitrary`),
        );
      } else byNumber.set(item.number, item);
    }
  };
  seen(course.modules, (module) => module.locate(['id']), 'module');
  for (const module of course.modules) seen(module.exercises, (exercise) => exercise.locate(['id']), 'exercise');
  return problems;
}

function emptyTexts(texts: readonly LocatedText[], locate: (path: readonly PathSegment[]) => SourceLocation): CourseProblem[] {
  return texts.flatMap(({ path, text }) =>
    (['en', 'ru'] as const)
      .filter((language) => text[language] !== undefined && text[language].trim() === '')
      .map((language) => problemAt(locate([...path, language]), 'error', 'empty-text', `${formatPropertyPath([...path, language])}: the text is empty`)),
  );
}

/** Every line the tutor will run must split the way redis-cli splits it, or it would fail at the learner's desk. */
function unparsableLines(exercise: LoadedExercise): CourseProblem[] {
  const scripts = [
    ...exercise.setupLines.map((line) => ({ line, what: 'setup' })),
    ...exercise.solutionLines.map((line) => ({ line, what: 'solution' })),
    ...exercise.counterExamples.flatMap((counterExample) => counterExample.solutionLines.map((line) => ({ line, what: `counterExamples[${counterExample.index}].solution` }))),
    ...exercise.actors.flatMap((actor) =>
      actor.run.filter((line) => directiveName(line.text) === undefined).map((line) => ({ line, what: `actors[${actor.index}].run` })),
    ),
    ...exercise.checks.flatMap((check) =>
      check.kind === 'command'
        ? [{ line: { text: check.command, location: exercise.locate(['checks', check.index, 'command']) }, what: `checks[${check.index}].command` }]
        : [],
    ),
  ];
  return scripts
    .filter(({ line }) => splitArgs(line.text) === null)
    .map(({ line, what }) =>
      problemAt(line.location, 'error', 'invalid-command-line', `${what}: redis-cli cannot parse ${JSON.stringify(line.text)} — check the quotes and escapes`),
    );
}

/** `!` lines in an actor's run are tutor directives: only known ones, and `!restart` only where the tutor owns the server. */
function actorDirectives(module: LoadedModule, exercise: LoadedExercise): CourseProblem[] {
  const ownsServer = serverNeeds(module, exercise).owned;
  return exercise.actors.flatMap((actor) =>
    actor.run.flatMap((line) => {
      const name = directiveName(line.text);
      const what = `actors[${actor.index}].run`;
      if (name === undefined) return [];
      if (!isActorDirective(name)) {
        const known = [...ACTOR_DIRECTIVES, ...NODE_DIRECTIVES].map((directive) => `!${directive}`).join(', ');
        const guess = closestMatches(name, ACTOR_DIRECTIVES, 1)[0];
        return [
          problemAt(line.location, 'error', 'unknown-directive', `${what}: unknown directive ${JSON.stringify(line.text)}${guess ? ` — did you mean !${guess}?` : ''} (lines starting with ! are tutor directives: ${known})`),
        ];
      }
      if (name === 'restart' && !ownsServer) {
        return [
          problemAt(
            line.location,
            'error',
            'directive-needs-owned-server',
            `${what}: !restart needs a server redis-tutor starts itself — add "requires: owned-server" to this exercise or to its module.yaml`,
          ),
        ];
      }
      return [];
    }),
  );
}

/** A js check whose file is missing, or does not parse (a place in the file, not only the exercise). */
async function brokenJsModules(exercise: LoadedExercise): Promise<CourseProblem[]> {
  const problems: CourseProblem[] = [];
  for (const check of exercise.checks) {
    if (check.kind !== 'js') continue;
    const exists = await access(check.modulePath).then(
      () => true,
      () => false,
    );
    if (!exists) {
      problems.push(
        problemAt(exercise.locate(['checks', check.index, 'js']), 'error', 'missing-js', `checks[${check.index}].js: ${check.module} does not exist next to this file`),
      );
      continue;
    }
    // Where in the check file, as the author's editor would say it; the same text a grade shows when the check is run.
    const syntax = isTypeScriptModule(check.modulePath) ? await findTypeScriptSyntaxError(check.modulePath) : await findModuleSyntaxError(check.modulePath);
    if (syntax) problems.push({ severity: 'error', code: 'js-syntax', file: check.modulePath, line: syntax.line, column: syntax.column, message: `${syntax.message} (the js check of ${exercise.id}, checks[${check.index}])` });
  }
  return problems;
}

async function missingProgramFiles(exercise: LoadedExercise): Promise<CourseProblem[]> {
  const problems: CourseProblem[] = [];
  for (const language of programLanguages(exercise.program)) {
    const files = exercise.program?.[language];
    if (files === undefined) continue;
    for (const role of ['starter', 'solution'] as const) {
      const exists = await access(role === 'starter' ? files.starterPath : files.solutionPath).then(
        () => true,
        () => false,
      );
      if (!exists) {
        problems.push(
          problemAt(exercise.locate(['program', language, role]), 'error', 'missing-program', `program.${language}.${role}: ${files[role]} does not exist next to this file`),
        );
      }
    }
  }
  for (const { index, program } of exercise.counterExamples) {
    if (program === undefined || (await access(program.absolutePath).then(() => true, () => false))) continue;
    problems.push(problemAt(exercise.locate(['counterExamples', index, 'program']), 'error', 'missing-program', `counterExamples[${index}].program: ${program.path} does not exist next to this file`));
  }
  return problems;
}

/**
 * Anything the loader would silently skip: a misnamed exercise is the
 * dangerous case (an error), other stray files are warnings.
 */
/** Where a teacher's course keeps its staged projects (projects/NN-<id>/project.yaml). */
const PROJECTS_DIR = 'projects';

async function strayFiles(courseDir: string): Promise<CourseProblem[]> {
  const problems: CourseProblem[] = [];
  const stray = (file: string, why: string, isDirectory: boolean) => {
    const looksLikeExercise = !isDirectory && /\.ya?ml$/.test(file);
    problems.push({ severity: looksLikeExercise ? 'error' : 'warning', code: 'stray-file', file, message: `stray ${isDirectory ? 'folder' : 'file'}: ${why}` });
  };

  for (const entry of await readdir(courseDir, { withFileTypes: true })) {
    const path = join(courseDir, entry.name);
    if (entry.isFile() && (entry.name === 'README.md' || entry.name === COURSE_FILE)) continue;
    // A teacher's projects (validate checks them on their own: ../validate/validate-projects.ts).
    if (entry.isDirectory() && entry.name === PROJECTS_DIR) continue;
    if (!entry.isDirectory() || !NUMBERED_NAME.test(entry.name)) {
      stray(path, `the course folder holds README.md, ${COURSE_FILE}, NN-<module> folders and ${PROJECTS_DIR}/ only`, entry.isDirectory());
      continue;
    }
    for (const inner of await readdir(path, { withFileTypes: true })) {
      const innerPath = join(path, inner.name);
      if (inner.isFile() && (inner.name === MODULE_FILE || inner.name === 'README.md' || EXERCISE_FILE.test(inner.name))) continue;
      if (inner.isDirectory() && inner.name === PROGRAMS_DIR) {
        for (const program of await readdir(innerPath, { withFileTypes: true })) {
          if (!program.isDirectory()) stray(join(innerPath, program.name), `${PROGRAMS_DIR}/ holds one folder per exercise (${PROGRAMS_DIR}/<exercise>/starter.py)`, false);
        }
        continue;
      }
      if (inner.isDirectory() && inner.name === 'checks') {
        for (const check of await readdir(innerPath, { withFileTypes: true })) {
          if (!check.isFile() || !/\.(?:js|ts)$/.test(check.name)) {
            stray(join(innerPath, check.name), 'checks/ holds the .js and .ts modules of js checks only', check.isDirectory());
          }
        }
        continue;
      }
      const hint = /\.ya?ml$/.test(inner.name)
        ? 'exercise files are named NN-<id>.yaml (e.g. 01-first-key.yaml), or they are not loaded'
        : `a module folder holds ${MODULE_FILE}, NN-<id>.yaml exercises, checks/*.js and *.ts, ${PROGRAMS_DIR}/<exercise>/ and README.md`;
      stray(innerPath, hint, inner.isDirectory());
    }
  }
  return problems;
}
