import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildListModel, type ListModel } from '../../src/course/list-model.js';
import { loadCourse } from '../../src/course/load.js';
import { renderList } from '../../src/course/render-list.js';
import { runProgram } from '../../src/program.js';
import { renderError } from '../../src/render-error.js';
import { captureIo } from '../support/capture-io.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));

async function list(argv: string[], env: NodeJS.ProcessEnv = {}, progress?: object) {
  const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: fixture('course-basic'), ...env } });
  if (progress) writeFileSync(join(io.env.REDIS_TUTOR_HOME ?? '', 'progress.json'), JSON.stringify(progress));
  const code = await runProgram(['list', ...argv], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

/** As bin/ runs it: a thrown error is rendered to stderr (render-error.ts) with its exit code. */
async function listAsRun(argv: string[]) {
  const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: fixture('course-basic') } });
  try {
    return { code: await runProgram(['list', ...argv], io), stdout: io.stdoutText(), stderr: io.stderrText() };
  } catch (error) {
    const { text, exitCode } = renderError(error);
    return { code: exitCode, stdout: io.stdoutText(), stderr: text };
  }
}

describe('redis-tutor list', () => {
  it('prints modules with progress and their exercise ids and titles', async () => {
    const { code, stdout, stderr } = await list([]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(
      [
        'Getting started  getting-started  0/2 solved',
        '  Keys and values, PING, SET, GET, DEL, INCR and expiry.',
        '  [ ] getting-started/first-key   Your first key',
        '  [ ] getting-started/page-views  A page-view counter',
        '',
        'Pub/Sub  pubsub  0/2 solved',
        '  Channels and messages.',
        '  [ ] pubsub/news                 Listen to the news',
        '  [ ] pubsub/lock                 Release a lock',
        '',
        '0/4 exercises solved. Read one with: redis-tutor show <id>',
        '[x] solved  [h] solved with help  [~] started  [ ] not started',
        '',
      ].join('\n'),
    );
  });

  it('--lang ru shows the Russian texts', async () => {
    const { stdout } = await list(['--lang', 'ru']);
    expect(stdout).toContain('Первые шаги  getting-started  решено 0/2');
    expect(stdout).toMatch(/^Решено упражнений: 0\/\d+\. Открыть одно: redis-tutor show <id>$/m);
    expect(stdout).toContain('getting-started/first-key   Ваш первый ключ');
  });

  it('takes the language from LANG when --lang is not given, and --lang wins', async () => {
    expect((await list([], { LANG: 'ru_RU.UTF-8' })).stdout).toContain('Ваш первый ключ');
    expect((await list(['--lang', 'en'], { LANG: 'ru_RU.UTF-8' })).stdout).toContain('Your first key');
  });

  it('--json prints the list model', async () => {
    const { code, stdout } = await list(['--json']);
    expect(code).toBe(0);
    const model = JSON.parse(stdout) as ListModel;
    expect(model).toMatchObject({ language: 'en', exerciseCount: 4, solvedCount: 0 });
    expect(model.modules[0]).toMatchObject({ id: 'getting-started', number: 1, exerciseCount: 2, solvedCount: 0 });
    expect(model.modules[0]?.exercises[1]).toEqual({
      id: 'getting-started/page-views',
      number: 2,
      title: 'A page-view counter',
      status: 'new',
      checkCount: 2,
      hintCount: 2,
    });
  });

  it('lists what loaded from a course with broken files and says how to see the problems', async () => {
    const { code, stdout, stderr } = await list([], { REDIS_TUTOR_EXERCISES: fixture('course-broken') });
    expect(code).toBe(0);
    expect(stdout).toContain('good/fine');
    expect(stderr).toMatch(/^note: 5 course file\(s\) could not be loaded and are left out; run `redis-tutor validate .*course-broken.*` for details\.\n$/);
  });

  it('--module lists only that module, by id or number, with its own counts', async () => {
    const { code, stdout } = await list(['--module', 'pubsub']);
    expect(code).toBe(0);
    expect(stdout).toContain('Pub/Sub  pubsub  0/2 solved');
    expect(stdout).not.toContain('getting-started');
    expect(stdout).toContain('0/2 exercises solved.');
    expect((await list(['--module', '1'])).stdout).toContain('Getting started  getting-started  0/2 solved');
    const json = JSON.parse((await list(['--module', 'pubsub', '--json'])).stdout) as ListModel;
    expect(json.modules.map((module) => module.id)).toEqual(['pubsub']);
  });

  it.each([
    ['a prefix', 'getting', 'redis-tutor: no module "getting" — did you mean "getting-started"?'],
    ['a near miss', 'pubsob', 'redis-tutor: no module "pubsob" — did you mean "pubsub"?'],
    ['a folder name', '02-pubsub', 'redis-tutor: no module "02-pubsub" — did you mean "pubsub"?'],
    ['nothing like it', 'zzz', 'redis-tutor: no module "zzz".'],
  ])('--module with an unknown name (%s): did-you-mean, exit 2', async (_name, module, message) => {
    const { code, stdout, stderr } = await listAsRun(['--module', module]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n\`redis-tutor list\` shows them all.\n`);
  });

  it('--module with an unknown name speaks Russian with --lang ru', async () => {
    const { code, stderr } = await listAsRun(['--module', 'pub', '--lang', 'ru']);
    expect(code).toBe(2);
    expect(stderr).toBe('redis-tutor: нет модуля "pub" — может быть, "pubsub"?\n`redis-tutor list` покажет их все.\n');
  });

  it('marks an exercise solved with help apart from one solved alone, and the legend says which is which', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const { stdout } = await list([], {}, {
      formatVersion: 2,
      exercises: {
        'getting-started/first-key': { status: 'solved', startedAt: at, solvedAt: at },
        'getting-started/page-views': { status: 'solved', startedAt: at, solvedAt: at, withHelp: true, helpedAt: at },
        'pubsub/news': { status: 'started', startedAt: at },
      },
    });
    expect(stdout).toContain('  [x] getting-started/first-key ');
    expect(stdout).toContain('  [h] getting-started/page-views ');
    expect(stdout).toContain('  [~] pubsub/news ');
    expect(stdout).toContain('  [ ] pubsub/lock ');
    expect(stdout).toContain('Getting started  getting-started  2/2 solved');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('[x] solved  [h] solved with help  [~] started  [ ] not started');
    const ru = await list(['--lang', 'ru'], {}, { formatVersion: 2, exercises: {} });
    expect(ru.stdout.trimEnd().split('\n').at(-1)).toBe('[x] решено  [h] решено с подсказкой  [~] начато  [ ] не начато');
  });

  it('rejects an unknown --lang', async () => {
    const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: fixture('course-basic') } });
    expect(await runProgram(['list', '--lang', 'de'], io)).toBe(2);
  });
});

describe('list model and renderer', () => {
  it('counts solved exercises from the progress lookup', async () => {
    const { course } = await loadCourse(fixture('course-basic'));
    const model = buildListModel(course, 'en', (id) => (id === 'pubsub/news' ? 'solved' : id === 'pubsub/lock' ? 'started' : 'new'));
    expect(model.solvedCount).toBe(1);
    expect(model.modules[1]).toMatchObject({ solvedCount: 1, exerciseCount: 2 });
    const text = renderList(model);
    expect(text).toContain('Pub/Sub  pubsub  1/2 solved');
    expect(text).toContain('  [x] pubsub/news ');
    expect(text).toContain('  [~] pubsub/lock ');
  });

  it('says so when there is nothing to list', () => {
    expect(renderList({ language: 'en', modules: [], exerciseCount: 0, solvedCount: 0 })).toBe('No exercises found.\n');
  });
});
