import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledCourseDir, loadCourse, type CourseLoad } from '../../src/course/load.js';
import { formatCourseProblem } from '../../src/course/course-problems.js';
import { UserError } from '../../src/errors.js';
import { stringMatching } from '../support/matchers.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

describe('loading a valid course', () => {
  let loaded: CourseLoad;
  beforeAll(async () => {
    loaded = await loadCourse(fixture('course-basic'));
  });

  it('has no problems', () => {
    expect(loaded.problems).toEqual([]);
  });

  it('orders modules and exercises by their NN- prefixes and gives full ids', () => {
    expect(loaded.course.modules.map((module) => [module.number, module.id, module.exercises.map((exercise) => exercise.id)])).toEqual([
      [1, 'getting-started', ['getting-started/first-key', 'getting-started/page-views']],
      [2, 'pubsub', ['pubsub/news', 'pubsub/lock']],
    ]);
  });

  it('tags checks with their kind and where they start, and expands shorthands', () => {
    const firstKey = loaded.course.modules[0]?.exercises[0];
    expect(firstKey?.checks.map((check) => [check.kind, check.location.line, check.location.column])).toEqual([
      ['key', 20, 5],
      ['command', 24, 5],
    ]);
    expect(firstKey?.checks[1]).toMatchObject({ kind: 'command', command: 'GET greeting', expect: { equals: 'hello' } });
    const pageViews = loaded.course.modules[0]?.exercises[1];
    expect(pageViews?.checks[1]).toMatchObject({ kind: 'used', commands: [{ command: 'INCR', with: [], withMatching: [] }] });
  });

  it('keeps solution lines without comments, each with its line in the file', () => {
    const firstKey = loaded.course.modules[0]?.exercises[0];
    expect(firstKey?.solutionLines.map((line) => [line.text, line.location.line, line.location.column])).toEqual([['SET greeting "hello"', 17, 3]]);
  });

  it('normalizes actors and js checks', () => {
    const [news, lock] = loaded.course.modules[1]?.exercises ?? [];
    expect(news?.actors[0]).toMatchObject({ when: { on: 'subscribed' }, run: [{ text: 'PUBLISH news "Redis 7.2 released"' }] });
    expect(news?.checks[0]).toMatchObject({ kind: 'subscribed', channels: ['news'], patterns: [], wait: 2000 });
    expect(lock?.checks[0]).toMatchObject({ kind: 'js', module: 'checks/lock-release.js' });
    expect(lock?.checks[0]?.kind === 'js' && lock.checks[0].modulePath).toBe(join(fixture('course-basic'), '02-pubsub/checks/lock-release.js'));
  });

  it('locates any path of an exercise', () => {
    const pageViews = loaded.course.modules[0]?.exercises[1];
    expect(pageViews?.locate(['hints', 1])).toMatchObject({ line: 16, column: 5 });
    // Absent paths fall back to the nearest parent that exists.
    expect(pageViews?.locate(['checks', 0, 'nothing-here'])).toMatchObject({ line: 23, column: 5 });
  });
});

describe('loading a course with broken files', () => {
  let loaded: CourseLoad;
  let lines: string[];
  beforeAll(async () => {
    loaded = await loadCourse(fixture('course-broken'));
    lines = loaded.problems.map((problem) => formatCourseProblem(problem, repoRoot));
  });

  it('still loads everything that is not broken', () => {
    expect(loaded.course.modules.map((module) => [module.id, module.exercises.map((exercise) => exercise.id)])).toEqual([
      ['good', ['good/fine']],
      ['syntax', ['syntax/ok']],
      ['types', []],
      ['no-ru', ['no-ru/english']],
    ]);
  });

  it('reports a YAML syntax error with file:line:column', () => {
    expect(lines).toContain(
      'test/fixtures/course-broken/02-syntax/01-bad-yaml.yaml:6:1: YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('reports a field of the wrong type with file:line:column, what is wrong and what is expected', () => {
    expect(lines).toContain(
      'test/fixtures/course-broken/03-types/01-wrong-type.yaml:3:8: title: expected a text: a map with en and ru, e.g. { en: Hello, ru: Привет }, found the number 42',
    );
  });

  it('reports an unknown expectation at the key, with the expected names', () => {
    expect(lines).toContain(
      'test/fixtures/course-broken/03-types/01-wrong-type.yaml:16:7: checks[1].expect: unknown expectation "equal" — did you mean "equals"? expected one of equals, oneOf, matches, gt, gte, lt, lte, between, nil, error, ok, length, contains, sameMembers, path',
    );
    expect(lines.filter((line) => line.includes('01-wrong-type.yaml'))).toHaveLength(2);
  });

  it('refuses a newer formatVersion with a message to upgrade', () => {
    const refusal = loaded.problems.find((problem) => problem.code === 'format-version');
    expect(refusal).toMatchObject({ severity: 'error', line: 1, column: 16 });
    expect(refusal?.message).toMatch(/formatVersion 2 is newer .* upgrade redis-tutor/);
    expect(refusal?.file).toMatch(/04-future[/\\]module\.yaml$/);
  });

  it('warns about a missing ru and falls back to English', () => {
    const warnings = lines.filter((line) => line.includes('05-no-ru'));
    expect(warnings).toEqual([
      'test/fixtures/course-broken/05-no-ru/module.yaml:3:8: warning: title: no Russian text (ru) — English is shown instead (an English-only course says languages: [en] in course.yaml)',
      'test/fixtures/course-broken/05-no-ru/01-english.yaml:3:8: warning: title: no Russian text (ru) — English is shown instead (an English-only course says languages: [en] in course.yaml)',
    ]);
    expect(loaded.course.modules.find((module) => module.id === 'no-ru')?.title).toEqual({ en: 'English only' });
  });

  it('requires the id to match the folder name without its number', () => {
    expect(lines).toContain(
      'test/fixtures/course-broken/06-mismatch/module.yaml:2:5: id: "other-name" does not match the folder name — expected "mismatch" (the folder name without its number), or rename the folder',
    );
  });

  it('reports a module folder without module.yaml', () => {
    expect(lines).toContain('test/fixtures/course-broken/07-no-module-file: no module.yaml — every module folder needs one (formatVersion, id, title, summary)');
  });

  it('reports every problem as an error except the missing translations', () => {
    expect(loaded.problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.code)).toEqual([
      'missing-translation',
      'missing-translation',
    ]);
    expect(loaded.problems.filter((problem) => problem.severity === 'error')).toHaveLength(6);
  });
});

describe('single-file cases', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redis-tutor-course-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const writeCourse = async (name: string, moduleYaml: string, exercises: Record<string, string> = {}) => {
    const moduleDir = join(dir, name, '01-m');
    await mkdir(moduleDir, { recursive: true });
    await writeFile(join(moduleDir, 'module.yaml'), moduleYaml);
    for (const [file, text] of Object.entries(exercises)) await writeFile(join(moduleDir, file), text);
    return join(dir, name);
  };
  const moduleYaml = 'formatVersion: 1\nid: m\ntitle: { en: M, ru: М }\nsummary: { en: S, ru: С }\n';

  it('points at the exercise id when it does not match the file name', async () => {
    const course = await writeCourse('id-mismatch', moduleYaml, {
      '01-right.yaml':
        'formatVersion: 1\nid: wrong\ntitle: { en: T, ru: Т }\nlesson: { en: L, ru: Л }\ntask: { en: T, ru: Т }\nhints: [{ en: H, ru: П }]\nsolution: PING\nchecks:\n  - { description: { en: D, ru: Д }, used: PING }\n',
    });
    const { problems, course: loaded } = await loadCourse(course);
    expect(problems.map((problem) => [problem.code, problem.line, problem.column])).toEqual([['id-mismatch', 2, 5]]);
    expect(problems[0]?.message).toMatch(/expected "right" \(the file name without its number\)/);
    expect(loaded.modules[0]?.exercises).toEqual([]);
  });

  const exerciseWithChecks = (checks: string) =>
    `formatVersion: 1\nid: lock\ntitle: { en: T, ru: Т }\nlesson: { en: L, ru: Л }\ntask: { en: T, ru: Т }\nhints: [{ en: H, ru: П }]\nsolution: SET lock 1 NX\nchecks:\n${checks}`;

  it('expands used items with arguments: names upper-cased, arguments as strings', async () => {
    const course = await writeCourse('used-with', moduleYaml, {
      '01-lock.yaml': exerciseWithChecks(
        '  - description: { en: D, ru: Д }\n    used: [setnx, { command: set, with: [nx, -1] }, { command: config  set, withMatching: "^a" }]\n',
      ),
    });
    const { problems, course: loaded } = await loadCourse(course);
    expect(problems).toEqual([]);
    expect(loaded.modules[0]?.exercises[0]?.checks[0]).toMatchObject({
      kind: 'used',
      commands: [
        { command: 'SETNX', with: [], withMatching: [] },
        { command: 'SET', with: ['nx', '-1'], withMatching: [] },
        { command: 'CONFIG SET', with: [], withMatching: ['^a'] },
      ],
    });
  });

  it('points at a mistake inside a used item with file:line:column', async () => {
    const course = await writeCourse('used-typo', moduleYaml, {
      '01-lock.yaml': exerciseWithChecks(
        '  - description: { en: D, ru: Д }\n    used:\n      - SETNX\n      - { command: SET, wiht: [NX] }\n  - description: { en: D, ru: Д }\n    notUsed: { command: SET, with: ["MAXLEN ~"] }\n',
      ),
    });
    const { problems } = await loadCourse(course);
    expect(problems.map((problem) => [problem.line, problem.column, problem.message])).toEqual([
      [12, 25, 'checks[0].used[1]: unknown command pattern field "wiht" — did you mean "with"? expected one of command, with, withMatching'],
      [14, 37, 'checks[1].notUsed.with[0]: one argument per item — write [MAXLEN, "~"], not "MAXLEN ~"'],
    ]);
  });

  it('refuses a file that is not a map', async () => {
    const course = await writeCourse('not-a-map', '- just\n- a list\n');
    const { problems } = await loadCourse(course);
    expect(problems).toMatchObject([{ code: 'schema', line: 1, column: 1, message: stringMatching(/expected a map of module fields/) }]);
  });

  it('an unreadable course folder is a UserError', async () => {
    await expect(loadCourse(join(dir, 'does-not-exist'))).rejects.toBeInstanceOf(UserError);
  });
});

it('the bundled course folder is exercises/ at the package root', () => {
  expect(bundledCourseDir()).toBe(join(repoRoot, 'exercises') + '/');
});
