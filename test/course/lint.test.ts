import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import { lintCourse } from '../../src/course/lint.js';
import { loadCourse } from '../../src/course/load.js';
import { formatProblem, type Problem } from '../../src/course/problems.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('lintCourse', () => {
  let problems: Problem[];
  let lines: string[];
  beforeAll(async () => {
    const { course } = await loadCourse(fixture('course-lint'));
    problems = await lintCourse(course);
    lines = problems.map((problem) => formatProblem(problem, repoRoot));
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
    const stray = problems.filter((problem) => problem.code === 'stray-file').map((problem) => [formatProblem(problem, repoRoot), problem.severity]);
    expect(stray).toEqual(
      expect.arrayContaining([
        [`${at}stray.txt: warning: stray file: the course folder holds README.md and NN-<module> folders only`, 'warning'],
        [`${at}01-alpha/notes.yml: stray file: exercise files are named NN-<id>.yaml (e.g. 01-first-key.yaml), or they are not loaded`, 'error'],
        [`${at}01-alpha/checks/helper.txt: warning: stray file: checks/ holds the .js modules of js checks only`, 'warning'],
      ]),
    );
    expect(stray).toHaveLength(3);
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
