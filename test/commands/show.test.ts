import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
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
        '  INCR key adds 1 to the integer stored at key ...',
        '',
        'Task',
        '  The home page was viewed three times. Count the views in views:home with INCR.',
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
    expect(stdout).toContain('Hints\n  1. INCR creates the key with 0 if it does not exist.\n  2. Run INCR views:home three times.\n');
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

  it('an unknown module in the id gets a did-you-mean for the module', async () => {
    await expect(show(['pubs/zzzz'])).rejects.toMatchObject({ message: 'no module "pubs" — did you mean "pubsub"?', nextStep: '`redis-tutor list` shows them all.' });
  });

  it('without an id, commander reports the missing argument', async () => {
    const { code, stderr } = await show([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/missing required argument 'id'/);
  });
});

describe('redis-tutor show lays the lesson out as the tutor does', () => {
  const markdownCourse = fileURLToPath(new URL('../fixtures/course-markdown/', import.meta.url));
  async function showMarkdown(argv: string[], terminal: boolean, env: NodeJS.ProcessEnv = {}) {
    const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: markdownCourse, ...env } });
    if (terminal) Object.assign(io.stdout, { isTTY: true, columns: 60, rows: 30 });
    expect(await runProgram(['show', 'basics/counter', ...argv], io)).toBe(0);
    return io.stdoutText();
  }

  it('piped: plain text, without the Markdown marks', async () => {
    const stdout = await showMarkdown(['--solution'], false);
    expect(stdout).toBe(stripVTControlCharacters(stdout));
    expect(stdout).not.toMatch(/\*\*|`|^ *##|^ *- /m);
    expect(stdout).toContain(
      [
        'Lesson',
        '  Counting',
        '  ────────',
        '',
        '  INCR key adds one to the number stored at a key.',
        '',
        '  • it creates the key with 0 first',
        '  • it is atomic',
        '',
        '  │ INCR views',
        '  │ GET views',
        '',
        'Task',
        '  Count two views in views.',
        '',
        'Checks',
        '  [ ] views is 2',
      ].join('\n'),
    );
    expect(stdout).toContain('Hints\n  1. Run INCR views twice.\n');
    expect(stdout).toContain('Solution\n  INCR views\n  INCR views\n');
  });

  it('on a terminal: the same layout with the styles of the tutor (bold, code in cyan, underlined headings)', async () => {
    const stdout = await showMarkdown([], true);
    const bold = (text: string) => `\x1b[1m${text}\x1b[22m`;
    const cyan = (text: string) => `\x1b[36m${text}\x1b[39m`;
    expect(stdout).toContain(`  ${cyan('INCR')} ${cyan('key')} adds ${bold('one')} to the number stored at a key.`);
    expect(stdout).toContain(`  ${bold('Counting')}\n`);
    expect(stdout).toContain(cyan('INCR views'));
    expect(stdout).not.toMatch(/\*\*|`/);
    expect(stdout).toContain(`  [ ] ${cyan('views')} is 2`);
    // The same words as piped, once the styles are taken away.
    expect(stripVTControlCharacters(stdout)).toBe(await showMarkdown([], false));
  });

  it('on a terminal: wraps at its width, between words', async () => {
    const io = captureIo({ env: { REDIS_TUTOR_EXERCISES: markdownCourse } });
    Object.assign(io.stdout, { isTTY: true, columns: 30, rows: 30 });
    await runProgram(['show', 'basics/counter'], io);
    const stdout = stripVTControlCharacters(io.stdoutText());
    expect(stdout).toContain('  INCR key adds one to the\n  number stored at a key.\n');
    expect(stdout).toContain('  • it creates the key with 0\n    first\n');
    const lesson = stdout.slice(stdout.indexOf('Lesson'), stdout.indexOf('Checks'));
    for (const line of lesson.split('\n')) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('NO_COLOR on a terminal: the plain layout', async () => {
    const stdout = await showMarkdown([], true, { NO_COLOR: '1' });
    expect(stdout).toBe(stripVTControlCharacters(stdout));
  });

  it('--lang ru lays out the Russian lesson', async () => {
    expect(await showMarkdown(['--lang', 'ru'], false)).toContain('  INCR key прибавляет единицу к числу в ключе.\n\n  • создаёт ключ со значением 0\n');
  });
});
