import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { UserError, errorMessage } from '../errors.js';
import type { Interpreters } from '../programs/interpreters.js';
import type { ProgramCommand } from '../programs/program-command.js';
import { ioredisPreloadUrl } from '../programs/tutor-ioredis.js';

/** The learner's small project file, in the folder of their program: which project, and how to start the program. */
export const STUDENT_FILES = ['redis-tutor.yaml', 'project.json'] as const;

export const StudentFileSchema = z.strictObject({
  project: z.union([z.string().min(1), z.number().int().positive().transform(String)]).describe('The project: its id (visit-counter) or variant number (1).'),
  command: z.string().trim().min(1, { error: 'expected the command that starts your program, e.g. python3 app.py' }).describe('The command that starts your program, run in this folder, e.g. python3 app.py or node app.mjs.'),
  stage: z.number().int().positive().optional().describe('The stage you are on: project test runs stages 1..this (default: all).'),
});

export interface StudentProject {
  /** The learner's folder: the program's working directory. */
  dir: string;
  /** Which file said so. */
  file: string;
  /** A project id or variant number. */
  project: string;
  /** The command as written. */
  command: string;
  /** The stage the learner is on: `project test` runs stages 1..this (default: all). */
  stage?: number;
}

/** Reads DIR/redis-tutor.yaml (or DIR/project.json); a folder without one is not a project. */
export async function readStudentProject(dir: string): Promise<StudentProject> {
  const folder = resolve(dir);
  for (const name of STUDENT_FILES) {
    const file = join(folder, name);
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let raw: unknown;
    try {
      raw = parse(text);
    } catch (error) {
      throw new UserError(`${file}: ${errorMessage(error)}`, 'Fix the file: it holds `project:` and `command:`.');
    }
    const parsed = StudentFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UserError(`${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}.`, 'It holds two fields, for example:\n  project: visit-counter\n  command: python3 app.py');
    }
    const { project, command, stage } = parsed.data;
    return { dir: folder, file, project, command, ...(stage !== undefined ? { stage } : {}) };
  }
  throw new UserError(
    `${folder} is not a project folder: it has no ${STUDENT_FILES.join(' or ')}.`,
    'Create redis-tutor.yaml there with two lines, for example:\n  project: visit-counter\n  command: python3 app.py',
  );
}

/**
 * The learner's command with a stage's arguments. `python3`/`python` and
 * `node` are the interpreters the tutor was told to use (--python,
 * REDIS_TUTOR_PYTHON...), so a machine whose first python3 lacks redis-py
 * can still run the project with the right one. `node` also gets the
 * tutor's ioredis for a folder without its own (src/programs/tutor-ioredis.ts).
 */
export function studentCommand(command: string, args: readonly string[], interpreters: Interpreters): ProgramCommand {
  const [first = '', ...rest] = splitWords(command);
  const python = first === 'python3' || first === 'python';
  const program = python ? interpreters.python : first === 'node' ? interpreters.node : first;
  return {
    command: program,
    args: [...(first === 'node' ? ['--import', ioredisPreloadUrl()] : []), ...rest, ...args],
    missingHint: `${program} was not found: check \`command:\` in your redis-tutor.yaml${python ? ' (or choose a Python with --python PATH)' : ''}`,
    ...(python ? { language: 'python' as const } : first === 'node' ? { language: 'javascript' as const } : {}),
  };
}

/** Words split at spaces; "double" or 'single' quotes keep spaces inside one word. */
export function splitWords(command: string): string[] {
  const words: string[] = [];
  for (const match of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(match[1] ?? match[2] ?? match[3] ?? '');
  return words;
}
