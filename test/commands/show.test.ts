import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ShowModel } from '../../src/course/show-model.js';
import { UserError } from '../../src/errors.js';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { stringMatching } from '../support/matchers.js';

const course = fileURLToPath(new URL('../fixtures/course-basic/', import.meta.url));

async function show(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: course, ...env } });
  const code = await runProgram(['show', ...argv], io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

describe('redis-tutor show', () => {
  it('prints the lesson, the task and the checks, without the answers', async () => {
    const { code, stdout } = await show(['getting-started/page-views']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'A page-view counter  getting-started/page-views',
        'Getting started (getting-started)',
        '',
        'Lesson',
        '  `INCR key` adds 1 to the integer stored at `key` ...',
        '',
        'Task',
        '  The home page was viewed three times. Count the views in `views:home` with INCR.',
        '',
        'Checks',
        '  [ ] views:home is 3',
        '  [ ] Counted with INCR',
        '',
        'Keys',
        '  views:home',
        '',
        'Docs',
        '  https://redis.io/docs/latest/commands/incr/',
        '',
        'Hints and the reference solution: redis-tutor show getting-started/page-views --solution',
        '',
      ].join('\n'),
    );
    expect(stdout).not.toContain('INCR views:home\n');
  });

  it('--solution adds the hints and the reference solution', async () => {
    const { stdout } = await show(['getting-started/page-views', '--solution']);
    expect(stdout).toContain('Hints\n  1. INCR creates the key with 0 if it does not exist.\n  2. Run `INCR views:home` three times.\n');
    expect(stdout).toContain('Solution\n  INCR views:home\n  INCR views:home\n  INCR views:home\n');
  });

  it('--lang ru shows the Russian texts', async () => {
    const { stdout } = await show(['getting-started/page-views', '--lang', 'ru']);
    expect(stdout).toContain('Счётчик просмотров  getting-started/page-views');
    expect(stdout).toContain('  [ ] views:home равен 3');
  });

  it.each([
    ['en', ['Lesson', 'Task', 'Checks', 'Hints and the reference solution']],
    ['ru', ['Урок', 'Задание', 'Проверки', 'Подсказки и эталонное решение']],
  ])('--lang %s labels the sections in that language', async (lang, labels) => {
    const { stdout } = await show(['getting-started/page-views', '--lang', lang]);
    for (const label of labels) expect(stdout).toMatch(new RegExp(`^${label}`, 'm'));
  });

  it('--json prints the show model; hints and solution only with --solution', async () => {
    const plain = JSON.parse((await show(['pubsub/news', '--json'])).stdout) as ShowModel;
    expect(plain).toMatchObject({
      id: 'pubsub/news',
      title: 'Listen to the news',
      module: { id: 'pubsub', title: 'Pub/Sub' },
      checks: [{ description: 'You listen to news', kind: 'subscribed' }],
    });
    expect(plain).not.toHaveProperty('solution');
    expect(plain).not.toHaveProperty('hints');
    const withSolution = JSON.parse((await show(['pubsub/news', '--json', '--solution'])).stdout) as ShowModel;
    expect(withSolution).toMatchObject({ solution: 'SUBSCRIBE news\n', hints: ['SUBSCRIBE news'] });
  });

  it('an unknown id is a UserError that suggests close matches', async () => {
    const attempt = show(['getting-started/page-view']);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toMatchObject({
      message: 'unknown exercise "getting-started/page-view".',
      nextStep: 'Did you mean getting-started/page-views? Run `redis-tutor list` to see every exercise.',
    });
  });

  it('finds an exercise given without its module', async () => {
    await expect(show(['lock'])).rejects.toMatchObject({ nextStep: stringMatching(/^Did you mean pubsub\/lock\?/) });
  });

  it('a module id lists the module exercises', async () => {
    await expect(show(['pubsub'])).rejects.toMatchObject({
      message: '"pubsub" is a module; show takes an exercise id MODULE/EXERCISE.',
      nextStep: 'Its exercises: pubsub/news, pubsub/lock.',
    });
  });

  it('without an id, commander reports the missing argument', async () => {
    const { code, stderr } = await show([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing required argument 'id'/);
  });
});
