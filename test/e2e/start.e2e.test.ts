import { describe, expect, it } from 'vitest';
import { bundledCourseDir, loadCourse } from '../../src/course/load.js';
import { waitUntil } from '../support/wait-until.js';
import { privateServerOf } from './support/private-server.js';
import { command, savedStatus, useTutorApp } from './support/tutor-harness.js';

/**
 * `redis-tutor start` in a real pseudo-terminal (node-pty) read back through
 * a headless xterm.js, typed into as a person does, with a real private
 * redis-server and progress in a temporary REDIS_TUTOR_HOME.
 */
const tutor = useTutorApp();
const { start } = tutor;
/** How many exercises the first module has: the screens show it ("1 of N", "0/N"). */
const N = (await loadCourse(bundledCourseDir())).course.modules[0]?.exercises.length ?? 0;

describe('redis-tutor start, end to end', () => {
  it('home → exercise → wrong answer → hint → solution → success → reset → next → quit → resume where you stopped', async () => {
    const { tui, home } = start([]);
    await tui.waitFor('Start: Getting started › Hello, Redis');
    expect(tui.text()).toMatch(new RegExp(`01 Getting started +░+ +0/${N}`));
    await tui.press('enter');
    await tui.waitFor(`redis-tutor › Getting started › Hello, Redis  1 of ${N}`);
    await tui.waitFor(/127\.0\.0\.1:\d+> /);

    await command(tui, 'SET greeting hello');
    let screen = await tui.waitFor('checked in');
    expect(screen).toContain('OK');
    expect(screen).toContain('✗ The connection was checked with PING');
    expect(screen).toMatch(/expected: .*PING/);
    expect(screen).toMatch(/found: /);
    expect(screen).toContain('✗ greeting holds "Hello, Redis!"');

    await command(tui, ':hint');
    await tui.waitFor('Hint 1/3: Type PING and press Enter');
    await command(tui, 'PING');
    await tui.waitFor('PONG');
    screen = await tui.waitFor('✓ The connection was checked with PING');
    expect(screen).toMatch(/expected: .*Hello, Redis!/);
    expect(screen).toMatch(/found: .*hello/);

    await command(tui, 'SET greeting "Hello, Redis!"');
    screen = await tui.waitFor('✓ Solved! Press Enter for the next exercise.');
    expect(screen).toContain('✓ greeting holds "Hello, Redis!"');
    expect(await savedStatus(home, 'getting-started/hello-redis')).toBe('solved');

    await command(tui, ':reset');
    await tui.waitFor('Sandbox reset and setup run again.');
    screen = await tui.waitFor('✗ greeting holds "Hello, Redis!"');
    expect(screen).not.toContain('Solved!');

    await command(tui, ':next');
    await tui.waitFor(`Getting started › Reading and writing a key  2 of ${N}`);

    await tui.press('ctrlC');
    await tui.waitFor('Quit redis-tutor? Your progress is saved. (y/n)');
    await tui.type('y');
    expect(await tui.waitForExit()).toBe(0);
    // The alternate screen is left: the terminal gets its old contents back.
    expect(tui.output()).toContain('\x1b[?1049l');

    const again = start([], { home });
    await again.tui.waitFor('Continue: Getting started › Reading and writing a key');
    expect(again.tui.text()).toMatch(new RegExp(`01 Getting started +█+░+ +1/${N} ◀`));
    await again.tui.press('enter');
    await again.tui.waitFor(`Getting started › Reading and writing a key  2 of ${N}`);
  }, 60_000);

  it('speaks Russian from the locale', async () => {
    const { tui } = start([], { env: { LANG: 'ru_RU.UTF-8' } });
    await tui.waitFor('Начать: Первые шаги › Привет, Redis');
    await tui.press('enter');
    const screen = await tui.waitFor('Задание');
    expect(screen).toContain(`Первые шаги › Привет, Redis  1 из ${N}`);
    await command(tui, 'SET greeting hello');
    // The checklist before the command already shows an expectation: wait for the one after it.
    const failing = await tui.waitFor('найдено: команда PING не использовалась');
    // The engine's words in Russian too, not only the labels around them.
    expect(failing).toContain('✗ Соединение проверено командой PING');
    expect(failing).toContain('ожидалось: команда PING');
    expect(failing).toContain('найдено: команда PING не использовалась');
    expect(failing).not.toMatch(/you use|not used/);
    await command(tui, 'PING');
    const second = await tui.waitFor('✓ Соединение проверено командой PING');
    expect(second).toMatch(/ожидалось: "Hello, Redis!"/);
    expect(second).toMatch(/найдено: "hello"/);
    await command(tui, ':lang en');
    await tui.waitFor(`Getting started › Hello, Redis  1 of ${N}`);
  }, 60_000);

  it('SUBSCRIBE: subscribe mode like redis-cli, the tutor publishes, Ctrl-C leaves subscribe mode but not the app', async () => {
    const { tui } = start(['--exercise', 'pubsub/subscribe']);
    await tui.waitFor(/127\.0\.0\.1:\d+> /);
    await command(tui, 'SUBSCRIBE chat:general');
    // (The lesson itself shows a message, so wait for the tutor's move, which only the transcript has.)
    await tui.waitFor('⇄ The tutor published to chat:general');
    const screen = await tui.waitFor(/\n3\) "Hi from the tutor"/);
    expect(screen).toContain('Reading messages... (press Ctrl-C to quit)');
    expect(screen).toContain('1) "subscribe"\n2) "chat:general"\n3) (integer) 1');
    expect(screen).toContain('The tutor published to chat:general');
    expect(screen).toContain('1) "message"\n2) "chat:general"');
    await tui.waitFor('✓ Solved!');
    await tui.press('ctrlC');
    await tui.waitFor('Left subscribe mode.');
    await command(tui, 'PING');
    await tui.waitFor(/\nPONG/);
  }, 60_000);

  it('BRPOP: the tutor plays the producer while the learner waits', async () => {
    const { tui } = start(['--exercise', 'queues/brpop-wait']);
    await tui.waitFor(/127\.0\.0\.1:\d+> /);
    await command(tui, 'BRPOP queue:emails 30');
    const screen = await tui.waitFor('2) "welcome:42"');
    expect(screen).toContain('The shop pushed welcome:42 to queue:emails');
    expect(screen).toContain('1) "queue:emails"');
    await command(tui, 'RPUSH emails:sent welcome:42');
    await tui.waitFor('✓ Solved!');
  }, 60_000);

  it('Ctrl-C cancels BLPOP 0 and the app stays', async () => {
    const { tui } = start(['--exercise', 'getting-started/set-and-get']);
    await tui.waitFor(/127\.0\.0\.1:\d+> /);
    const server = await privateServerOf(tui);
    await command(tui, 'BLPOP nothing 0');
    // Ctrl-C once the server has the BLPOP blocked, so that it interrupts a command that runs.
    await waitUntil(() => /^blocked_clients:1\r?$/m.test(server.redisCli(['INFO', 'clients'])), 'the BLPOP to block');
    await tui.press('ctrlC');
    await tui.waitFor('(interrupted)');
    await command(tui, 'PING');
    await tui.waitFor(/\nPONG/);
  }, 60_000);

  it('killing redis-server mid-exercise: the app says so, restarts it, resets the exercise and keeps the progress', async () => {
    const { tui, home } = start(['--exercise', 'getting-started/hello-redis']);
    await tui.waitFor(/127\.0\.0\.1:\d+> /);
    await command(tui, 'PING');
    await command(tui, 'SET greeting "Hello, Redis!"');
    await tui.waitFor('✓ Solved!');
    const server = await privateServerOf(tui);
    const pid = /process_id:(\d+)/.exec(server.redisCli(['INFO', 'server']))?.[1];
    process.kill(Number(pid), 'SIGKILL');
    await tui.waitFor('Redis is back. The exercise was reset; your progress is kept.', 20_000);
    const screen = await tui.waitFor('✗ greeting holds');
    expect(screen).toContain('✓ solved before');
    await command(tui, 'PING');
    await tui.waitFor(/\nPONG/);
    expect(await savedStatus(home, 'getting-started/hello-redis')).toBe('solved');
  }, 60_000);

  it('refuses to run without a terminal and points to cli, show and grade (exit 2)', async () => {
    const { spawnSync } = await import('node:child_process');
    const home = tutor.tempHome();
    const result = spawnSync(process.execPath, [tutor.entry(), 'start'], { input: '', env: { PATH: process.env.PATH, REDIS_TUTOR_HOME: home }, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs an interactive terminal');
    expect(result.stderr).toContain('redis-tutor cli');
    expect(result.stderr).toContain('redis-tutor show');
    expect(result.stderr).toContain('redis-tutor grade');
  });
});
