/**
 * `program:` — an exercise that asks for a program: per language a starter
 * the learner begins from and a reference solution, as files beside the YAML.
 */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';

/** The languages a program exercise can ship, in the order tools offer them (the course's own first). */
export const PROGRAM_LANGUAGES = ['python', 'javascript'] as const;
export type ProgramLanguage = (typeof PROGRAM_LANGUAGES)[number];

/**
 * The extension each language's files must have: `.mjs` so Node reads a
 * JavaScript file as an ES module wherever it is copied, with no package.json.
 */
export const PROGRAM_EXTENSIONS: Record<ProgramLanguage, string> = { python: '.py', javascript: '.mjs' };

const programFile = (language: ProgramLanguage, what: string) => {
  const extension = PROGRAM_EXTENSIONS[language];
  const example = `programs/first-program/${what}${extension}`;
  return z
    .string()
    .regex(new RegExp(`^programs/[^/\\\\]+/[^/\\\\]+\\${extension}$`), {
      error: `expected a ${extension} file in a programs/<exercise>/ folder beside the YAML, e.g. ${example}`,
    })
    .describe(`A ${extension} file in programs/<exercise>/ beside the YAML, e.g. ${example}.`);
};

const languageFiles = (language: ProgramLanguage, summary: string) =>
  closedMap(
    `${language} field`,
    {
      starter: programFile(language, 'starter').describe(
        'What the learner starts from (copied into their workspace once): it must run, and it must fail the checks.',
      ),
      solution: programFile(language, 'solution').describe('The reference solution: it must pass the checks.'),
    },
    'expected { starter, solution }',
  ).describe(summary);

export const ProgramSchema = closedMap(
  'program field',
  {
    python: languageFiles('python', 'Python 3 with redis-py: .py files.').optional(),
    javascript: languageFiles('javascript', 'JavaScript (Node.js) with ioredis, as ES modules: .mjs files.').optional(),
  },
  'expected { python, javascript }',
)
  .refine((program) => PROGRAM_LANGUAGES.some((language) => program[language] !== undefined), {
    error: `expected at least one of ${PROGRAM_LANGUAGES.join(', ')}`,
    ...onlyWhenValid,
  })
  .describe(
    'The exercise asks for a program: per language a starter and a reference solution, paths relative to the YAML. The program gets REDIS_URL; the checks judge the server afterwards.',
  );

export type ProgramFile = z.infer<typeof ProgramSchema>;

/** One language's files as the loader hands them out: as written, and where they are. */
export interface ProgramSource {
  /** As written in the YAML, e.g. `programs/first-program/starter.py`. */
  starter: string;
  solution: string;
  /** Absolute paths. */
  starterPath: string;
  solutionPath: string;
}

/** The languages the exercise ships, each with its files. */
export type LoadedProgram = Partial<Record<ProgramLanguage, ProgramSource>>;

/** The languages an exercise ships, in PROGRAM_LANGUAGES order. */
export function programLanguages(program: LoadedProgram | undefined): ProgramLanguage[] {
  return PROGRAM_LANGUAGES.filter((language) => program?.[language] !== undefined);
}
