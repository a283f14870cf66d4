import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { PROGRAM_EXTENSIONS, PROGRAM_LANGUAGES, type ProgramLanguage } from '../course/schema.js';

/** What `--in` takes besides the languages' names. */
const ALIASES: Record<string, ProgramLanguage> = { py: 'python', python3: 'python', js: 'javascript', node: 'javascript', mjs: 'javascript' };

/** `--in python|javascript` (py, js and node too), checked. */
export function parseProgramLanguage(value: unknown): ProgramLanguage | undefined {
  if (value === undefined) return undefined;
  const name = typeof value === 'string' ? value.toLowerCase() : '';
  const language = (PROGRAM_LANGUAGES as readonly string[]).includes(name) ? (name as ProgramLanguage) : ALIASES[name];
  if (language === undefined) throw new UserError(`--in takes ${PROGRAM_LANGUAGES.join(' or ')}, not ${JSON.stringify(value)}.`, 'For example: --in javascript');
  return language;
}

/** The language a file is in by its extension (.py; .mjs and .js), or undefined for anything else. */
export function languageOfFile(file: string): ProgramLanguage | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.js') return 'javascript';
  return PROGRAM_LANGUAGES.find((language) => PROGRAM_EXTENSIONS[language] === extension);
}

/**
 * Which of an exercise's languages the learner works in when they name no
 * file: the one asked for; else the file they changed last (they may have
 * started in either); else the course's first, Python.
 */
export function chooseLanguage(choice: {
  exerciseId: string;
  requested: ProgramLanguage | undefined;
  offered: readonly ProgramLanguage[];
  existing: ReadonlyArray<{ language: ProgramLanguage; modifiedMs: number }>;
}): ProgramLanguage {
  const { requested, offered } = choice;
  if (requested !== undefined) {
    if (offered.includes(requested)) return requested;
    throw new UserError(`${choice.exerciseId} has no ${requested} starter; it comes in ${offered.join(' and ')}.`, `Drop --in, or use --in ${offered[0] ?? 'python'}.`);
  }
  const latest = [...choice.existing].filter((file) => offered.includes(file.language)).sort((a, b) => b.modifiedMs - a.modifiedMs)[0];
  const first = offered[0];
  if (latest !== undefined) return latest.language;
  if (first === undefined) throw new Error(`${choice.exerciseId} offers no language`);
  return first;
}
