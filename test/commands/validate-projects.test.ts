import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../src/program.js';
import { bundledProjectsDir } from '../../src/projects/load-project.js';
import { captureIo } from '../support/capture-io.js';
import { pythonWithRedisPy } from '../support/python-with-redis.js';

/** `validate` covers the projects beside a course: each loads; with --solutions the last solution passes and the starter fails stage 1. */

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'redis-tutor-validate-projects-'));
const course = join(work, 'course');
const env = { PATH: process.env.PATH ?? '', REDIS_TUTOR_PYTHON: pythonWithRedisPy() };

beforeAll(() => {
  cpSync(join(FIXTURES, 'course-basic'), course, { recursive: true });
  const visits = join(bundledProjectsDir(), '01-visit-counter');
  cpSync(visits, join(course, 'projects', '01-visit-counter'), { recursive: true });
  // A stage that expects what no solution prints: the last solutions fail it, in both languages.
  const wrong = join(course, 'projects', '02-wrong-stage');
  cpSync(visits, wrong, { recursive: true });
  const yaml = join(wrong, 'project.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace("output: { matches: '^1$' }", () => "output: { matches: '^one$' }"));
  // A starter that already does stage 1: the stage would test nothing.
  const eager = join(course, 'projects', '03-eager-starter');
  cpSync(visits, eager, { recursive: true });
  cpSync(join(eager, 'solutions', 'python', '1-record-visit', 'app.py'), join(eager, 'starter', 'python', 'app.py'));
  // A misspelt field: it does not load, with file:line:column.
  const broken = join(course, 'projects', '04-broken');
  cpSync(visits, broken, { recursive: true });
  const brokenYaml = join(broken, 'project.yaml');
  writeFileSync(brokenYaml, readFileSync(brokenYaml, 'utf8').replace('    hint: { en: INCR', () => '    hnit: { en: INCR'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('validate: the projects beside the course', () => {
  it('without --solutions: a project that does not load fails validate, with where', async () => {
    const io = captureIo({ cwd: work, env });
    expect(await runProgram(['validate', 'course'], io)).toBe(1);
    expect(io.stdoutText()).toMatch(/FAIL project 04-broken loads\n {7}.*04-broken\/project\.yaml is not a valid project:/);
    expect(io.stdoutText()).toMatch(/project\.yaml:\d+:\d+: .*hnit/);
    expect(io.stdoutText()).toContain('4 projects: 3 passed, 1 failed');
  });

  it('with --solutions: the last solution passes every stage and the starter fails stage 1, in each language', async () => {
    const io = captureIo({ cwd: work, env });
    expect(await runProgram(['validate', 'course', '--solutions'], io)).toBe(1);
    const lines = io.stdoutText().split('\n').filter((line) => / project /.test(line)).map((line) => line.replace(/ \(\d+ ms\)$/, ''));
    expect(lines).toEqual([
      'FAIL project 04-broken loads',
      'ok   project visit-counter javascript last-solution-passes',
      'ok   project visit-counter javascript starter-fails-stage-1',
      'ok   project visit-counter python last-solution-passes',
      'ok   project visit-counter python starter-fails-stage-1',
      'FAIL project visit-counter javascript last-solution-passes',
      'ok   project visit-counter javascript starter-fails-stage-1',
      'FAIL project visit-counter python last-solution-passes',
      'ok   project visit-counter python starter-fails-stage-1',
      'ok   project visit-counter javascript last-solution-passes',
      'ok   project visit-counter javascript starter-fails-stage-1',
      'ok   project visit-counter python last-solution-passes',
      'FAIL project visit-counter python starter-fails-stage-1',
    ]);
    expect(io.stdoutText()).toContain('stage 1 (record-visit) fails: it prints 1');
    expect(io.stdoutText()).toContain('the untouched starter passes stage 1: the stage tests nothing the starter lacks');
  }, 180_000);
});
