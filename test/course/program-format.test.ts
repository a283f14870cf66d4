import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import { ExerciseFileSchema, programLanguages } from '../../src/course/schema.js';
import { explainIssues } from '../../src/course/zod-issues.js';
import { stringMatching } from '../support/matchers.js';

const BASE = `formatVersion: 1
id: counter
title: { en: T, ru: Т }
docs: [https://redis.io/docs/latest/commands/incr/]
lesson: { en: L, ru: Л }
task: { en: K, ru: З }
hints: [{ en: H, ru: П }]
solution: INCR runs
checks:
  - { description: { en: D, ru: О }, key: runs, value: "1" }
`;

/** The explained problems of an exercise with this `program:` (YAML, indented under it); [] when valid. */
function programProblems(program: string): string[] {
  const exercise = parse(`${BASE}program:\n${program}`) as unknown;
  const result = ExerciseFileSchema.safeParse(exercise);
  return result.success ? [] : explainIssues(result.error.issues, exercise).map((issue) => issue.message);
}

const PY = '{ starter: programs/counter/starter.py, solution: programs/counter/solution.py }';
const JS = '{ starter: programs/counter/starter.mjs, solution: programs/counter/solution.mjs }';

describe('program: valid', () => {
  it.each([
    ['python only', `  python: ${PY}`],
    ['javascript only', `  javascript: ${JS}`],
    ['both languages', `  python: ${PY}\n  javascript: ${JS}`],
    ['other file names in the folder', '  python: { starter: programs/counter/begin.py, solution: programs/counter/done.py }'],
  ])('%s', (_name, program) => {
    expect(programProblems(program)).toEqual([]);
  });

  it('keeps an exercise without program exactly as before', () => {
    expect(ExerciseFileSchema.safeParse(parse(BASE)).success).toBe(true);
  });

  it('needs no redis-cli solution when it asks for a program: its solutions are the programs', () => {
    const exercise = parse(`${BASE.replace('solution: INCR runs\n', '')}program:\n  python: ${PY}\n`) as unknown;
    expect(ExerciseFileSchema.safeParse(exercise).success).toBe(true);
  });

  it('still needs a solution from an exercise typed at the prompt', () => {
    const exercise = parse(BASE.replace('solution: INCR runs\n', '')) as unknown;
    const result = ExerciseFileSchema.safeParse(exercise);
    expect(result.success).toBe(false);
    expect(result.success ? [] : explainIssues(result.error.issues, exercise).map((issue) => issue.message)).toEqual([
      'solution: missing — the reference solution as redis-cli lines (or, for an exercise that asks for a program, program: with a solution per language)',
    ]);
  });
});

describe('program: invalid', () => {
  it.each([
    ['no language', '  {}', /program: expected at least one of python, javascript/],
    ['an unknown language', `  ruby: ${PY}`, /unknown program field "ruby" — .*expected one of python, javascript/],
    ['a language typo', `  pyhton: ${PY}`, /did you mean "python"\?/],
    ['no solution', '  python: { starter: programs/counter/starter.py }', /program\.python\.solution: missing/],
    ['a .js file (CommonJS or ESM depends on package.json)', '  javascript: { starter: programs/counter/starter.js, solution: programs/counter/solution.mjs }', /program\.javascript\.starter: expected a \.mjs file in a programs\/<exercise>\/ folder/],
    ['a .py file for javascript', '  javascript: { starter: programs/counter/starter.py, solution: programs/counter/solution.mjs }', /expected a \.mjs file/],
    ['a path out of the folder', '  python: { starter: ../../secret.py, solution: programs/counter/solution.py }', /program\.python\.starter: expected a \.py file in a programs\/<exercise>\/ folder beside the YAML/],
    ['an absolute path', '  python: { starter: /tmp/starter.py, solution: programs/counter/solution.py }', /expected a \.py file/],
    ['a file straight in programs/', '  python: { starter: programs/starter.py, solution: programs/counter/solution.py }', /expected a \.py file in a programs\/<exercise>\//],
    ['inline text instead of a path', '  python: { starter: "import redis\\nprint(1)", solution: programs/counter/solution.py }', /expected a \.py file/],
  ])('%s', (_name, program, message) => {
    expect(programProblems(program).join('\n')).toMatch(message);
  });
});

describe('a course with program exercises', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redis-tutor-program-format-'));
    const module = join(dir, '01-basics');
    await mkdir(join(module, 'programs', 'counter'), { recursive: true });
    await mkdir(join(module, 'programs', 'missing'), { recursive: true });
    await writeFile(join(module, 'module.yaml'), 'formatVersion: 1\nid: basics\ntitle: { en: B, ru: Б }\nsummary: { en: S, ru: С }\n');
    await writeFile(join(module, '01-counter.yaml'), `${BASE}program:\n  python: ${PY}\n  javascript: ${JS}\n`);
    for (const name of ['starter.py', 'solution.py', 'starter.mjs', 'solution.mjs', 'requirements.txt']) {
      await writeFile(join(module, 'programs', 'counter', name), '# program\n');
    }
    await writeFile(join(module, '02-missing.yaml'), `${BASE.replace('id: counter', 'id: missing')}program:\n  python: { starter: programs/missing/starter.py, solution: programs/missing/solution.py }\ncounterExamples:\n  - why: { en: w, ru: в }\n    program: programs/missing/wrong.py\n`);
    await writeFile(join(module, 'programs', 'missing', 'starter.py'), '# only the starter\n');
    await writeFile(join(module, 'programs', 'notes.txt'), 'not a folder\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads each language with its files resolved beside the YAML', async () => {
    const { course } = await checkCourse(dir);
    const counter = course.modules[0]?.exercises.find((exercise) => exercise.localId === 'counter');
    expect(programLanguages(counter?.program)).toEqual(['python', 'javascript']);
    expect(counter?.program?.python).toEqual({
      starter: 'programs/counter/starter.py',
      solution: 'programs/counter/solution.py',
      starterPath: join(dir, '01-basics', 'programs', 'counter', 'starter.py'),
      solutionPath: join(dir, '01-basics', 'programs', 'counter', 'solution.py'),
    });
    expect(course.modules[0]?.exercises.find((exercise) => exercise.localId === 'missing')?.program?.javascript).toBeUndefined();
  });

  it('reports a missing file at its field, and a file straight in programs/ as stray; nothing else', async () => {
    const { problems } = await checkCourse(dir);
    expect(problems.map((problem) => [problem.severity, problem.code, problem.line ?? 0, problem.message])).toEqual([
      ['error', 'missing-program', 12, 'program.python.solution: programs/missing/solution.py does not exist next to this file'],
      ['error', 'missing-program', 15, 'counterExamples[0].program: programs/missing/wrong.py does not exist next to this file'],
      ['warning', 'stray-file', 0, stringMatching(/^stray file: programs\/ holds one folder per exercise/)],
    ]);
  });
});
