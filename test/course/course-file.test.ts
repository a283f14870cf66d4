import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import { formatCourseProblem } from '../../src/course/course-problems.js';
import { bundledCourseDir, loadCourse } from '../../src/course/load.js';

/** A course of one module and one exercise, all in English, with the course.yaml given. */
async function englishCourse(root: string, name: string, courseYaml?: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, '01-m'), { recursive: true });
  if (courseYaml !== undefined) await writeFile(join(dir, 'course.yaml'), courseYaml);
  await writeFile(join(dir, '01-m', 'module.yaml'), 'formatVersion: 1\nid: m\ntitle: { en: M }\nsummary: { en: S }\n');
  await writeFile(
    join(dir, '01-m', '01-ping.yaml'),
    'formatVersion: 1\nid: ping\ntitle: { en: T }\nlesson: { en: L }\ntask: { en: T }\nhints: [{ en: H }]\nsolution: PING\nchecks:\n  - { description: { en: D }, used: PING }\n',
  );
  return dir;
}

describe('course.yaml: the languages a course is written in', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'redis-tutor-course-file-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('an English-only course gets no warning for its missing Russian texts', async () => {
    const dir = await englishCourse(root, 'english', 'formatVersion: 1\nlanguages: [en]\n');
    const { course, problems } = await checkCourse(dir);
    expect(problems).toEqual([]);
    expect(course.languages).toEqual(['en']);
    expect(course.modules[0]?.exercises).toHaveLength(1);
  });

  it('without course.yaml a course is in English and Russian, and each missing Russian text is a warning that names the way out', async () => {
    const dir = await englishCourse(root, 'no-course-file');
    const { course, problems } = await loadCourse(dir);
    expect(course.languages).toEqual(['en', 'ru']);
    expect(problems.map((problem) => problem.code)).toEqual(Array(7).fill('missing-translation'));
    expect(problems[0]?.message).toBe('title: no Russian text (ru) — English is shown instead (an English-only course says languages: [en] in course.yaml)');
  });

  it('the bundled course declares en and ru', async () => {
    expect((await loadCourse(bundledCourseDir())).course.languages).toEqual(['en', 'ru']);
  });

  it.each([
    ['a language that is not one', 'formatVersion: 1\nlanguages: [en, fr]\n', ['course.yaml:2:17: languages[1]: expected a language: en or ru, found the string "fr"']],
    ['no English', 'formatVersion: 1\nlanguages: [ru]\n', ['course.yaml:2:12: languages: must include en: every text is written in English first (ru is added to it)']],
    [
      'a misspelt field',
      'formatVersion: 1\nlanguage: [en]\n',
      ['course.yaml:1:1: languages: missing — expected a list', 'course.yaml:2:1: unknown course field "language" — did you mean "languages"? expected one of formatVersion, languages'],
    ],
    ['a newer format', 'formatVersion: 2\nlanguages: [en]\n', ['course.yaml:1:16: formatVersion 2 is newer than this redis-tutor understands (it reads up to 1) — upgrade redis-tutor (npm install -g redis-tutor@latest)']],
  ])('%s is an error at its place, and the course still loads', async (name, text, expected) => {
    const dir = await englishCourse(root, name.replace(/\W+/g, '-'), text);
    const { course, problems } = await checkCourse(dir);
    const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => formatCourseProblem(problem, dir));
    expect(errors).toEqual(expected);
    expect(course.modules).toHaveLength(1);
  });
});
