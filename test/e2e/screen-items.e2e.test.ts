import { describe, expect, it } from 'vitest';
import { command, useTutorApp } from './support/tutor-harness.js';

/**
 * The learner's side of the screen in a real pseudo-terminal: the key line,
 * help and replies wrapped at spaces, the notice below the minimum size,
 * expected/found only after the first try, and the home screen's legend.
 */
const tutor = useTutorApp();
const { start } = tutor;

const PROMPT = /127\.0\.0\.1:\d+> /;
const EXERCISE_KEYS = ':hint :solution :reset :menu :help · PgUp/PgDn lesson · Ctrl-C quit';

describe('the screen items, in a terminal', () => {
  it('80×24: the key line under the prompt, no expected value before the first try, help SET wrapped at a space', async () => {
    const { tui } = start(['--exercise', 'getting-started/hello-redis'], { columns: 80, rows: 24 });
    // The first evaluation is on screen: the checklist has its count.
    let screen = await tui.waitForScreen((rows) => rows.some((row) => /^Checks 0\/\d/.test(row)) && rows.some((row) => PROMPT.test(row)), 'the checklist and the prompt');
    expect(screen[20]).toMatch(/^127\.0\.0\.1:\d+>/);
    expect(screen[21]).toBe(EXERCISE_KEYS);
    expect(screen[22]).toMatch(/^private redis-server .* · EN$/);
    expect(screen.join('\n')).not.toContain('expected:');

    await command(tui, 'help SET');
    screen = await tui.waitForScreen((rows) => rows.some((row) => row.includes('summary: Set the string value of a key')), 'help SET');
    const syntax = screen.findIndex((row) => row.startsWith('  SET key value'));
    // Cut by column, the line would end "EXAT unix-time-seconds|" and the next start "|PXAT" or mid-word.
    expect(screen[syntax]).toBe('  SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT');
    expect(screen[syntax + 1]).toBe('  unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]');
    // Having typed, the learner now reads what the first failing check expected.
    await tui.waitFor('expected:');
    expect(tui.screen()[21]).toBe(EXERCISE_KEYS);
  }, 60_000);

  it('60×20: a notice with the size needed instead of a cut screen; the exercise comes back at 80×24, and Ctrl-C asks before quitting', async () => {
    const { tui } = start(['--exercise', 'getting-started/hello-redis'], { columns: 60, rows: 20 });
    const notice = await tui.waitFor('Terminal too small');
    expect(notice.replace(/\n/g, ' ').replace(/ +/g, ' ')).toContain('Terminal too small: 60×20, needs at least 80×24 — enlarge the window.');
    expect(notice).not.toContain('Make sure the server');

    tui.resize(80, 24);
    const screen = await tui.waitForScreen((rows) => rows[21] === EXERCISE_KEYS && PROMPT.test(rows[20] ?? ''), 'the exercise screen at 80×24');
    expect(screen.join('\n')).not.toContain('Terminal too small');
    expect(screen[0]).toMatch(/^redis-tutor › Getting started › Hello, Redis/);

    tui.resize(79, 24);
    await tui.waitFor('Terminal too small: 79×24');
    await tui.press('ctrlC');
    await tui.waitFor('Quit redis-tutor?');
    await tui.type('y');
    expect(await tui.waitForExit()).toBe(0);
  }, 60_000);

  it('says it in Russian, and the home screen has its key line and legend', async () => {
    const { tui } = start([], { columns: 70, rows: 20, env: { LANG: 'ru_RU.UTF-8' } });
    const notice = await tui.waitFor('Терминал слишком мал');
    expect(notice.replace(/\n/g, ' ').replace(/ +/g, ' ')).toContain('Терминал слишком мал: 70×20, нужно не меньше 80×24 — увеличьте окно.');
    tui.resize(80, 24);
    const home = await tui.waitForScreen((rows) => rows.some((row) => row.startsWith('↑/↓ j/k выбор')), 'the home screen');
    expect(home[20]).toBe('✓ решено · ✱ решено с подсказкой · ◐ начато · ◀ следующее');
    expect(home[21]).toBe('↑/↓ j/k выбор · Enter открыть · l язык · q выход');
    expect(home.join('\n')).toMatch(/01 Первые шаги .* ◀/);
  }, 60_000);
});
