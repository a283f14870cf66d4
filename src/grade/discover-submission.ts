import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { closestMatches } from '../course/closest.js';
import { NUMBERED_NAME } from '../course/load.js';
import type { Course } from '../course/schema.js';
import { UserError } from '../errors.js';
import type { AnswerKind, UnmatchedFile } from '../results/report-model.js';
import { isInside } from './answer-file.js';

/** One file that answers an exercise. */
export interface AnswerFile {
  /** Relative to the submission folder, with / separators (what reports show). */
  path: string;
  absolutePath: string;
  kind: AnswerKind;
}

export interface Submission {
  dir: string;
  /** By exercise id (`module/exercise`); more than one file for an id is reported, not guessed between. */
  answers: Map<string, AnswerFile[]>;
  unmatched: UnmatchedFile[];
}

/** Extensions the grader knows how to run; any other file runs only when it is executable. */
export const PROGRAM_EXTENSIONS = ['py', 'js', 'mjs', 'ts', 'sh'] as const;
const ANSWER_FILE_HINT = 'answers are MODULE/EXERCISE.redis, .py, .js, .mjs, .ts, .sh or an executable';

/** Folders a submission repository has for its own tooling; never answers, so not worth reporting. */
const TOOLING_DIRS = new Set(['node_modules', '__pycache__', 'venv']);

/**
 * Finds the answer files of a submission folder: `MODULE/EXERCISE.redis` or
 * a program `MODULE/EXERCISE.py|.js|.mjs|.ts|.sh` (or any executable), with
 * module and exercise ids as in `redis-tutor list`. Every other file or folder
 * is listed as unmatched with the reason, so a misnamed answer is noticed.
 * Hidden entries (.git, .github) and tooling folders are skipped.
 *
 * Nothing outside the folder is looked into: a module folder that links out
 * of it is listed, not read. Answer files are checked again when they are
 * read or run (./answer-file.ts), since links can appear while grading.
 */
export async function discoverSubmission(dir: string, course: Course): Promise<Submission> {
  const rootEntries = await readEntries(dir, true);
  const root = await realSubmissionDir(dir);
  const answers = new Map<string, AnswerFile[]>();
  const unmatched: UnmatchedFile[] = [];
  const moduleIds = course.modules.map((module) => module.id);

  for (const entry of rootEntries) {
    if (!entry.isDirectory) {
      unmatched.push({ path: entry.name, kind: 'outside-module', reason: `not in a module folder (${ANSWER_FILE_HINT})` });
      continue;
    }
    if (!(await staysInside(root, join(dir, entry.name)))) {
      unmatched.push({ path: `${entry.name}/`, kind: 'not-an-answer', reason: 'a link to a folder outside the submission folder; answers are read only from inside it' });
      continue;
    }
    const module = course.modules.find((candidate) => candidate.id === entry.name);
    if (!module) {
      unmatched.push({ path: `${entry.name}/`, ...unknownModule(entry.name, moduleIds) });
      continue;
    }
    const exerciseIds = module.exercises.map((exercise) => exercise.localId);
    for (const file of await readEntries(join(dir, entry.name), false)) {
      const path = `${module.id}/${file.name}`;
      if (file.isDirectory) {
        unmatched.push({ path: `${path}/`, kind: 'folder', reason: `a folder inside a module folder (${ANSWER_FILE_HINT})` });
        continue;
      }
      const { stem, extension } = splitName(file.name);
      const kind = answerKind(extension, file.executable);
      if (!kind) {
        unmatched.push({ path, kind: 'not-an-answer', reason: `not an answer file (${ANSWER_FILE_HINT})` });
        continue;
      }
      if (!exerciseIds.includes(stem)) {
        const guess = guessExercise(stem, exerciseIds);
        unmatched.push({
          path,
          kind: 'unknown-exercise',
          reason: `no exercise "${stem}" in module ${module.id}`,
          ...(guess ? { suggestion: `${module.id}/${guess}${extension === '' ? '' : `.${extension}`}` } : {}),
        });
        continue;
      }
      const id = `${module.id}/${stem}`;
      answers.set(id, [...(answers.get(id) ?? []), { path, absolutePath: join(dir, module.id, file.name), kind }]);
    }
  }
  return { dir, answers, unmatched };
}

/** Folders of the system, never a submission: reading "answers" there prints the machine's secrets. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

async function realSubmissionDir(dir: string): Promise<string> {
  const real = await realpath(dir);
  const system = SYSTEM_FOLDERS.find((folder) => real === folder || real.startsWith(`${folder}/`));
  if (system !== undefined) {
    throw new UserError(
      `the submission folder ${dir} is under ${system}, a folder of the system, not of answers.`,
      'Pass the folder that holds one folder per module, e.g. `redis-tutor grade .`',
    );
  }
  return real;
}

/** A module folder that is a link must lead to a folder inside the submission. */
async function staysInside(root: string, path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return true;
  const real = await realpath(path).catch(() => undefined);
  return real !== undefined && isInside(root, real);
}

interface Entry {
  name: string;
  isDirectory: boolean;
  executable: boolean;
}

async function readEntries(dir: string, isRoot: boolean): Promise<Entry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (!isRoot) return [];
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ENOTDIR' ? 'it is not a folder' : (error as Error).message;
    throw new UserError(`cannot read the submission folder ${dir}: ${why}.`, 'Pass the folder that holds one folder per module, e.g. `redis-tutor grade .`', { cause: error });
  }
  const entries: Entry[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || TOOLING_DIRS.has(name)) continue;
    // stat follows symbolic links: a link to an answer is an answer.
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (!info) continue;
    entries.push({ name, isDirectory: info.isDirectory(), executable: info.isFile() && (info.mode & 0o111) !== 0 });
  }
  return entries;
}

/** `set-and-get.redis` → stem `set-and-get`, extension `redis`. Ids never contain dots. */
function splitName(name: string): { stem: string; extension: string } {
  const dot = name.indexOf('.');
  return dot < 0 ? { stem: name, extension: '' } : { stem: name.slice(0, dot), extension: name.slice(dot + 1) };
}

function answerKind(extension: string, executable: boolean): AnswerKind | undefined {
  if (extension === 'redis') return 'redis';
  if ((PROGRAM_EXTENSIONS as readonly string[]).includes(extension) || executable) return 'program';
  return undefined;
}

/** `02-strings` (the course's folder name) means `strings`; otherwise the closest module id. */
function unknownModule(name: string, moduleIds: readonly string[]): Omit<UnmatchedFile, 'path'> {
  const unnumbered = NUMBERED_NAME.exec(name)?.[2];
  const guess = unnumbered !== undefined && moduleIds.includes(unnumbered) ? unnumbered : closestMatches(name, moduleIds, 1)[0];
  return { kind: 'unknown-module', reason: `no module "${name}"`, ...(guess ? { suggestion: `${guess}/` } : {}) };
}

function guessExercise(stem: string, exerciseIds: readonly string[]): string | undefined {
  const unnumbered = NUMBERED_NAME.exec(stem)?.[2];
  if (unnumbered !== undefined && exerciseIds.includes(unnumbered)) return unnumbered;
  return closestMatches(stem, exerciseIds, 1)[0];
}
