import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { reporters } from '../../src/grade/reporters.js';
import { runProgram } from '../../src/program.js';
import { GradeReportSchema, type GradeReport } from '../../src/results/report-model.js';
import { captureIo } from '../support/capture-io.js';
import { pythonWithRedisPy } from '../support/python-with-redis.js';

/** `grade --project N DIR`: a student's project by the workshop's criteria, on real redis-server and real python3 with redis-py. */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'project-grading');
const env = () => ({ PATH: process.env.PATH ?? '', REDIS_TUTOR_PYTHON: pythonWithRedisPy() });
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-project-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const graded = new Map<string, { exit: number; report: GradeReport }>();
beforeAll(async () => {
  for (const student of ['visits-complete', 'visits-bare']) {
    const io = captureIo({ cwd: FIXTURES, env: env() });
    const exit = await runProgram(['grade', '--project', '1', student, '--reporter', 'json'], io);
    graded.set(student, { exit, report: GradeReportSchema.parse(JSON.parse(io.stdoutText())) });
  }
}, 180_000);

const criteria = (report: GradeReport) => Object.fromEntries((report.project?.criteria ?? []).map((criterion) => [criterion.id, criterion.points]));

describe('grade --project: the workshop criteria', () => {
  it('a complete project: every stage, its unit tests and a README with the three sections; the teacher keeps code quality and extras', () => {
    const { exit, report } = graded.get('visits-complete') ?? {};
    expect(exit).toBe(0);
    expect(report?.modules.map((module) => [module.id, module.exercises.map((stage) => stage.status)])).toEqual([['visit-counter', ['passed', 'passed', 'passed', 'passed', 'passed']]]);
    expect(criteria(report as GradeReport)).toEqual({ functionality: 40, 'code-quality': null, tests: 15, documentation: 10, extras: null });
    expect(report?.project?.machine).toEqual({ earned: 65, possible: 65 });
    const measured = Object.fromEntries((report?.project?.criteria ?? []).map((criterion) => [criterion.id, criterion.measured.en]));
    expect(measured.tests).toBe('unittest: 3 passed, 0 failed.');
    expect(measured['code-quality']).toMatch(/^for the teacher\. Measured: 2 source files, \d+ lines.*logging: yes; a connection pool or one shared client: yes\.$/);
  });

  it('every stage runs, not only up to the first failure; a failing test and a README without sections cost their share', () => {
    const { exit, report } = graded.get('visits-bare') ?? {};
    expect(exit).toBe(1);
    expect(report?.modules[0]?.exercises.map((stage) => stage.status)).toEqual(['passed', 'passed', 'passed', 'failed', 'failed']);
    expect(criteria(report as GradeReport)).toEqual({ functionality: 24, 'code-quality': null, tests: 7.5, documentation: 0, extras: null });
    expect(report?.project?.machine).toEqual({ earned: 31.5, possible: 65 });
    const documentation = report?.project?.criteria.find((criterion) => criterion.id === 'documentation');
    expect(documentation?.measured.en).toBe('README.md: 0 of 3 sections; missing: a description, the data schema in Redis, how to deploy and run; keys never named: page_views:<page>, page_views:ranking.');
    expect(documentation?.measured.ru).toContain('разделов 0 из 3');
  });

  it('every reporter carries the criteria', () => {
    const report = graded.get('visits-bare')?.report as GradeReport;
    const render = (name: keyof typeof reporters, language: 'en' | 'ru' = 'en') => reporters[name](report, { language, color: false });
    expect(render('pretty')).toContain('Workshop criteria — project 1, Page visit counters:');
    expect(render('pretty', 'ru')).toMatch(/Тестирование +7\.5\/15 +unittest: успешно 1, с ошибкой 1\./);
    expect(render('tap')).toMatch(/^# {3}Functionality +24\/40 +3 of 5 stages pass/m);
    expect(render('junit')).toContain('<property name="criterion:functionality" value="24/40"/><property name="criterion:code-quality" value="-/25"/>');
    expect(render('junit')).toContain('<testsuites name="redis-tutor grade: project 1, visit-counter (31.5/65 scored by the tester)"');
    expect(render('github')).toContain('::notice title=Workshop criteria — project 1%2C Page visit counters%3A::');
    const gradescope = JSON.parse(render('gradescope')) as { score: number; tests: Array<{ name: string; score: number; max_score: number }> };
    expect(gradescope.score).toBe(31.5);
    expect(gradescope.tests.map((test) => [test.name.split(' — ')[0], test.score, test.max_score])).toEqual([
      ['visit-counter/record-visit', 8, 8],
      ['visit-counter/count', 8, 8],
      ['visit-counter/top-pages', 8, 8],
      ['visit-counter/reset', 0, 8],
      ['visit-counter/connection-errors', 0, 8],
      ['visit-counter/tests', 7.5, 15],
      ['visit-counter/documentation', 0, 10],
    ]);
  });

  it('a class of project folders in one run: the gradebook has what the tester scored', async () => {
    const io = captureIo({ cwd: FIXTURES, env: env() });
    const out = join(scratch, 'class');
    expect(await runProgram(['grade', '--project', 'visit-counter', 'visits-complete', 'visits-bare', '--output-dir', out], io)).toBe(0);
    const csv = readFileSync(join(out, 'gradebook.csv'), 'utf8').split('\r\n');
    const total = csv[0]?.split(',').indexOf('total') ?? -1;
    expect(csv.slice(1, 3).map((row) => [row.split(',')[0], row.split(',')[total]])).toEqual([
      ['visits-complete', '65'],
      ['visits-bare', '31.5'],
    ]);
    expect(GradeReportSchema.parse(JSON.parse(readFileSync(join(out, 'visits-bare.json'), 'utf8'))).project?.machine.earned).toBe(31.5);
  }, 180_000);

  it.each([
    ['an unknown project', ['grade', '--project', '99', 'visits-bare'], /99/],
    ['--project with --assignment', ['grade', '--project', '1', 'visits-bare', '--assignment', 'a.yaml'], /--assignment is for the course's exercises/],
    ['a folder that is not a project', ['grade', '--project', '1', '.'], /redis-tutor\.yaml/],
  ])('bad input is a usage error: %s', async (_label, argv, message) => {
    const attempt = runProgram(argv, captureIo({ cwd: FIXTURES, env: env() }));
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(message);
  }, 60_000);
});
