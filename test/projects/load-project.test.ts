import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { runProgram } from '../../src/program.js';
import { findProject, listProjects, loadProject } from '../../src/projects/load-project.js';
import { readStudentProject, splitWords, studentCommand } from '../../src/projects/student-project.js';
import { commandLine } from '../../src/projects/test-project.js';
import { captureIo } from '../support/capture-io.js';

const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-project-format-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let made = 0;
function projectDir(yaml: string): string {
  const dir = join(scratch, `p${made++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'project.yaml'), yaml);
  return dir;
}

const VALID = `id: tiny
variant: 1
level: basic
title: { en: Tiny, ru: Крошка }
summary: { en: A tiny project, ru: Крошечный проект }
schema:
  - { key: hits, type: string, description: { en: Hits, ru: Хиты } }
stages:
  - id: hit
    title: { en: Hit, ru: Хит }
    description: { en: "\`hit\` adds one", ru: "\`hit\` добавляет один" }
    steps:
      - run: [hit, 3]
        checks:
          - { description: { en: it exits 0, ru: код 0 }, exitCode: 0 }
          - { description: { en: hits is 1, ru: hits равен 1 }, key: hits, value: '1' }
`;

async function problemsOf(yaml: string): Promise<string> {
  const error = await loadProject(projectDir(yaml)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('the project format', () => {
  it('loads a project: stages in order, each step with its arguments (numbers as strings) and the course checks, tagged with their kind', async () => {
    const project = await loadProject(projectDir(VALID));
    expect(project).toMatchObject({ id: 'tiny', variant: 1, level: 'basic' });
    const [stage] = project.stages;
    expect(stage).toMatchObject({ number: 1, id: 'hit' });
    expect(stage?.steps[0]).toMatchObject({ kind: 'run', runs: [['hit', '3']] });
    expect(stage?.steps[0]?.checks.map((check) => check.kind)).toEqual(['exitCode', 'key']);
  });

  it('loads both bundled projects: variant 1 with 5 stages, variant 7 with 5, its concurrency step running 23 voters at once', async () => {
    const visits = await findProject('1');
    const voting = await findProject('voting');
    expect(visits.stages.map((stage) => stage.id)).toEqual(['record-visit', 'count', 'top-pages', 'reset', 'connection-errors']);
    expect(voting.stages).toHaveLength(5);
    const parallel = voting.stages[3]?.steps.find((step) => step.kind === 'parallel');
    expect(parallel?.runs).toHaveLength(23);
    expect(voting.stages[4]?.steps[0]?.kind).toBe('listen');
    expect(visits.stages[4]?.steps.every((step) => step.unreachable)).toBe(true);
  });

  it('rejects a misspelt step field with file:line:column and the fields it expected', async () => {
    const message = await problemsOf(VALID.replace('- run: [hit, 3]', '- rnu: [hit, 3]'));
    expect(message).toMatch(/project\.yaml:13:\d+: stages\[0\]\.steps\[0\]: unknown run step field "rnu" — did you mean "run"\?/);
  });

  it("rejects a check with an unknown kind at the check's line, as the exercise format does", async () => {
    const message = await problemsOf(VALID.replace("key: hits, value: '1'", "kye: hits, value: '1'"));
    expect(message).toMatch(/project\.yaml:16:\d+: stages\[0\]\.steps\[0\]\.checks\[1\]: a check needs one of .*"kye" → "key"/);
  });

  it('rejects a missing field and a YAML syntax error with their lines', async () => {
    expect(await problemsOf(VALID.replace('variant: 1\n', ''))).toMatch(/project\.yaml:1:1: variant: missing/);
    expect(await problemsOf(VALID.replace('title: { en: Tiny, ru: Крошка }', 'title: { en: Tiny'))).toMatch(/project\.yaml:\d+: /);
  });

  it('finds no project for an unknown id, naming the ones there are', async () => {
    await expect(findProject('nope')).rejects.toThrow(/no project "nope"/);
  });
});

describe("the learner's project file", () => {
  it('is required: a folder without redis-tutor.yaml is not a project, and the error shows the two lines to write', async () => {
    const error = await readStudentProject(scratch).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).nextStep).toContain('command: python3 app.py');
  });

  it('names the project and the command; python3 and node run as the interpreters the tutor was given', async () => {
    const dir = join(scratch, 'student');
    mkdirSync(dir);
    writeFileSync(join(dir, 'redis-tutor.yaml'), 'project: 7\ncommand: python3 "my app.py"\n');
    const student = await readStudentProject(dir);
    expect(student).toMatchObject({ project: '7', command: 'python3 "my app.py"' });
    expect(splitWords(student.command)).toEqual(['python3', 'my app.py']);
    expect(studentCommand(student.command, ['vote', 'p'], { python: '/usr/bin/python3', node: '/n' })).toMatchObject({ command: '/usr/bin/python3', args: ['my app.py', 'vote', 'p'] });
    expect(commandLine(student.command, ['visit', 'a b'])).toBe("python3 'my app.py' visit 'a b'");
  });
});

describe('project list and project show', () => {
  it('list shows every bundled project by variant; show prints the data schema and the stages, in Russian with --lang ru', async () => {
    const list = captureIo();
    expect(await runProgram(['project', 'list'], list)).toBe(0);
    const lines = list.stdoutText().trimEnd().split('\n');
    const projects = await listProjects();
    expect(lines).toHaveLength(projects.length);
    // One line per project, by variant: number, id, level, stages, title.
    expect(lines.map((line) => Number(line.trim().split(/\s+/)[0]))).toEqual(projects.map((project) => project.variant).sort((a, b) => a - b));
    expect(lines).toContainEqual(expect.stringMatching(/^ 1 {2}visit-counter +basic +5 stages {2}Page visit counters$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ 7 {2}voting +basic +5 stages {2}Voting$/));

    const show = captureIo();
    expect(await runProgram(['project', 'show', '7', '--lang', 'ru'], show)).toBe(0);
    expect(show.stdoutText()).toContain('poll:<poll>:voters (set)');
    expect(show.stdoutText()).toContain('5. Результаты в реальном времени');

    const json = captureIo();
    expect(await runProgram(['project', 'show', 'visit-counter', '--json'], json)).toBe(0);
    expect((JSON.parse(json.stdoutText()) as { stages: unknown[] }).stages).toHaveLength(5);
  });
});
