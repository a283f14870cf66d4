import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import { lintCourse } from '../../src/course/lint.js';
import { loadCourse } from '../../src/course/load.js';
import { formatCourseProblem, type CourseProblem } from '../../src/course/course-problems.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('lintCourse', () => {
  let problems: CourseProblem[];
  let lines: string[];
  beforeAll(async () => {
    const { course } = await loadCourse(fixture('course-lint'));
    problems = await lintCourse(course);
    lines = problems.map((problem) => formatCourseProblem(problem, repoRoot));
  });

  const at = 'test/fixtures/course-lint/';

  it('finds nothing in a clean course', async () => {
    const { course } = await loadCourse(fixture('course-basic'));
    expect(await lintCourse(course)).toEqual([]);
  });

  it('reports a module id used twice', () => {
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${at}02-alpha/module.yaml:2:5: id: module id "alpha" is also used by 01-alpha/module.yaml$`)));
  });

  it('warns when two exercises share a number', () => {
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${at}01-alpha/01-two.yaml:2:5: warning: exercise number 1 is also used by 01-alpha/01-one.yaml; the order between them is arbitrary$`)));
  });

  it('reports an empty text', () => {
    expect(lines).toContain(`${at}01-alpha/03-bad-lines.yaml:7:22: hints[0].ru: the text is empty`);
  });

  it('reports solution, actor and command lines redis-cli cannot split, at their line', () => {
    expect(lines).toContain(`${at}01-alpha/03-bad-lines.yaml:12:3: solution: redis-cli cannot parse "SET broken \\"unterminated" — check the quotes and escapes`);
    expect(lines).toContain(`${at}01-alpha/03-bad-lines.yaml:15:10: actors[0].run: redis-cli cannot parse "SET stock 'oops" — check the quotes and escapes`);
    expect(lines).toContain(`${at}01-alpha/03-bad-lines.yaml:19:14: checks[0].command: redis-cli cannot parse "GET \\"k" — check the quotes and escapes`);
    expect(problems.filter((problem) => problem.code === 'invalid-command-line')).toHaveLength(3);
  });

  it('reports a js check whose module does not exist', () => {
    expect(lines).toContain(`${at}01-alpha/03-bad-lines.yaml:22:9: checks[1].js: checks/missing.js does not exist next to this file`);
    expect(problems.filter((problem) => problem.code === 'missing-js')).toHaveLength(1);
  });

  it('reports stray files: a misnamed exercise as an error, the rest as warnings', () => {
    const stray = problems.filter((problem) => problem.code === 'stray-file').map((problem) => [formatCourseProblem(problem, repoRoot), problem.severity]);
    expect(stray).toEqual(
      expect.arrayContaining([
        [`${at}stray.txt: warning: stray file: the course folder holds README.md, course.yaml, NN-<module> folders and projects/ only`, 'warning'],
        [`${at}01-alpha/notes.yml: stray file: exercise files are named NN-<id>.yaml (e.g. 01-first-key.yaml), or they are not loaded`, 'error'],
        [`${at}01-alpha/checks/helper.txt: warning: stray file: checks/ holds the .js and .ts modules of js checks only`, 'warning'],
      ]),
    );
    expect(stray).toHaveLength(3);
  });
});

describe('lintCourse: tutor directives in actors', () => {
  let dir: string;
  let lines: string[];
  const exercise = (id: string, run: string, extra = '') =>
    [
      'formatVersion: 1',
      `id: ${id}`,
      'title: { en: Title, ru: Заголовок }',
      'lesson: { en: Lesson., ru: Урок. }',
      'task: { en: Task., ru: Задание. }',
      'hints: [{ en: Hint., ru: Подсказка. }]',
      'solution: SAVE',
      ...(extra ? [extra] : []),
      'actors:',
      '  - when: { after: SAVE }',
      run,
      '    say: { en: Restarted, ru: Перезапущен }',
      'checks:',
      '  - { description: { en: Saved, ru: Сохранено }, used: SAVE }',
      '',
    ].join('\n');
  const module = (id: string, extra = '') => `formatVersion: 1\nid: ${id}\ntitle: { en: T, ru: Т }\nsummary: { en: S., ru: С. }\n${extra}\n`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redis-tutor-lint-'));
    const write = async (path: string, text: string) => {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    };
    await write('01-alpha/module.yaml', module('alpha'));
    await write('01-alpha/01-typo.yaml', exercise('typo', '    run:\n      - SET a 1\n      - "!restrat"', 'requires: owned-server'));
    await write('01-alpha/02-shared.yaml', exercise('shared', '    run: |\n      SET a 1\n      !restart'));
    await write('01-alpha/03-own.yaml', exercise('own', '    run: "!restart"', 'requires: owned-server'));
    await write('02-beta/module.yaml', module('beta', 'requires: owned-server'));
    await write('02-beta/01-in-module.yaml', exercise('in-module', '    run: ["SET a 1", "!restart"]'));
    const { course, problems } = await loadCourse(dir);
    expect(problems).toEqual([]);
    lines = (await lintCourse(course)).map((problem) => formatCourseProblem(problem, dir));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports an unknown directive at its line, with the known ones', () => {
    expect(lines).toContain(
      '01-alpha/01-typo.yaml:13:9: actors[0].run: unknown directive "!restrat" — did you mean !restart? (lines starting with ! are tutor directives: !restart, !kill NODE, !pause NODE, !resume NODE, !restart NODE, !wait-bgsave NODE, !wait-failover)',
    );
  });

  it('reports !restart without requires: owned-server on the exercise or its module', () => {
    expect(lines).toContain(
      '01-alpha/02-shared.yaml:12:7: actors[0].run: !restart needs a server redis-tutor starts itself — add "requires: owned-server" to this exercise or to its module.yaml',
    );
  });

  it('accepts !restart where the exercise or its module requires an owned server', () => {
    expect(lines.filter((line) => /03-own|02-beta/.test(line))).toEqual([]);
    expect(lines).toHaveLength(2);
  });
});

describe('checkCourse', () => {
  it('combines the loader problems and the lint, in file order', async () => {
    const { problems } = await checkCourse(fixture('course-broken'));
    const codes = problems.map((problem) => problem.code);
    expect(codes).toContain('yaml-syntax');
    expect(codes).toContain('stray-file');
    const files = problems.map((problem) => problem.file);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
  });
});
