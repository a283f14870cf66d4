import { describe, expect, it } from 'vitest';
import type { CheckResult, ExerciseResult } from '../../src/results/check-result.js';
import stringWidth from 'string-width';
import { buildCommandTable } from '../../src/redis-cli/command-docs.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

/** A value quoted from Redis: the same in both languages. */
const same = (text: string) => ({ en: text, ru: text });

const failing: ExerciseResult = {
  id: 'getting-started/first-key',
  passed: false,
  checks: [
    { index: 0, description: { en: 'greeting is hello', ru: 'greeting равен hello' }, passed: false, expected: same('"hello"'), found: same('"hullo"') },
    { index: 1, description: { en: 'GET returns hello', ru: 'GET возвращает hello' }, passed: false, expected: same('"hello"'), found: same('"hullo"') },
  ],
  timings: { checksMs: 1, firstPassMs: 1, passes: 1 },
};
const passing: ExerciseResult = { ...failing, passed: true, checks: failing.checks.map(({ index, description }) => ({ index, description, passed: true })) };

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];
/** The learner has typed a command: from now on a failing check says what was expected and found. */
const tried: AppAction = { type: 'append', lines: [{ kind: 'input', text: '127.0.0.1:6390> SET greeting hullo' }] };

describe('ExerciseScreen', () => {
  it('shows where you are, the lesson, the task, the checklist with expected/found for the first failure, and the prompt', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: [...opened, tried, { type: 'evaluated', result: failing, ms: 3.2 }] });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('redis-tutor › Getting started › Your first key  1 of 2');
    expect(frame).toContain('SET key value stores a string.');
    expect(frame).toContain('Task\n  Store hello in greeting.');
    expect(frame).toContain('Checks 0/2  checked in 3 ms');
    expect(frame).toContain('✗ greeting is hello\n    expected: "hello"\n    found: "hullo"\n✗ GET returns hello\n');
    // Only the first failing check explains itself.
    expect(frame.match(/expected:/g)).toHaveLength(1);
    expect(frame).toContain('127.0.0.1:6390>');
    tui.unmount();
  });

  it('shows the success state once every check passes', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: [...opened, { type: 'evaluated', result: passing }] });
    await tick();
    expect(tui.lastFrame()).toContain('✓ Solved! Press Enter for the next exercise.');
    expect(tui.lastFrame()).toContain('✓ greeting is hello\n✓ GET returns hello');
    tui.unmount();
  });

  it('keeps to 80×24 with the panel shown: 23 rows, none wider than 80 columns', async () => {
    const course = await fixtureCourse();
    const transcript: AppAction = { type: 'append', lines: Array.from({ length: 60 }, (_, i) => ({ kind: 'reply' as const, text: `${i}) "${'x'.repeat(120)}"` })) };
    const tui = renderTui({ course, columns: 80, rows: 24, actions: [...opened, { type: 'evaluated', result: failing }, transcript, { type: 'toggle-panel' }] });
    await tick();
    const lines = tui.lastFrame().split('\n');
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(tui.lastFrame()).toContain('Data');
    tui.unmount();
  });

  it('uses a larger terminal: the panel opens beside the lesson', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({
      course,
      columns: 140,
      rows: 40,
      actions: [
        ...opened,
        { type: 'panel', panel: { pinned: ['greeting'], snapshots: [{ key: 'greeting', type: 'string', value: 'hello', length: 5, pttl: -1, fetchedAt: 0 }] } },
      ],
    });
    await tick();
    const lines = tui.lastFrame().split('\n');
    expect(lines).toHaveLength(39);
    expect(lines[1]).toMatch(/SET key value stores a string\. +Data$/);
    expect(tui.lastFrame()).toMatch(/greeting string · 5\n/);
    expect(tui.lastFrame()).toContain('"hello"');
    tui.unmount();
  });

  it('renders the checklist and texts in Russian', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, language: 'ru', actions: [...opened, tried, { type: 'evaluated', result: failing }] });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Первые шаги › Ваш первый ключ  1 из 2');
    expect(frame).toContain('Задание\n  Сохраните hello в greeting.');
    expect(frame).toContain('✗ greeting равен hello\n    ожидалось: "hello"\n    найдено: "hullo"');
    tui.unmount();
  });

  it.each<[string, CheckResult, string, string]>([
    [
      'a missing key',
      { index: 0, description: { en: 'greeting is hello', ru: 'greeting равен hello' }, passed: false, expected: same('"hello"'), found: { en: 'the key does not exist', ru: 'ключ не существует' } },
      '✗ greeting равен hello\n    ожидалось: "hello"\n    найдено: ключ не существует',
      'the key does not exist',
    ],
    [
      'a command not used yet',
      { index: 0, description: { en: 'You use PING', ru: 'Вы используете PING' }, passed: false, expected: { en: 'you use PING', ru: 'команда PING' }, found: { en: 'no commands yet', ru: 'команд пока не было' } },
      '✗ Вы используете PING\n    ожидалось: команда PING\n    найдено: команд пока не было',
      'you use PING',
    ],
    [
      'a check that could not run',
      { index: 0, description: { en: 'The script agrees', ru: 'Скрипт согласен' }, passed: false, error: { en: "the check's script failed: ERR x", ru: 'скрипт проверки завершился с ошибкой: ERR x' } },
      '✗ Скрипт согласен\n    не удалось проверить: скрипт проверки завершился с ошибкой: ERR x',
      'script failed',
    ],
  ])('a Russian learner reads why a check fails in Russian: %s', async (_name, check, shown, english) => {
    const course = await fixtureCourse();
    const result: ExerciseResult = { ...failing, checks: [check, { ...check, index: 1, passed: true }] };
    const tui = renderTui({ course, language: 'ru', columns: 120, actions: [...opened, tried, { type: 'evaluated', result }] });
    await tick();
    expect(tui.lastFrame()).toContain(shown);
    expect(tui.lastFrame()).not.toContain(english);
    // The same result in English shows the English phrases: the language is the learner's choice, not the result's.
    tui.store.dispatch({ type: 'language', language: 'en' });
    await tick();
    expect(tui.lastFrame()).toContain(english);
    tui.unmount();
  });

  it('wraps a long expected / found at words, hanging under the value, instead of cutting it', async () => {
    const course = await fixtureCourse();
    const check: CheckResult = {
      index: 0,
      description: { en: 'A lock with NX', ru: 'Блокировка с NX' },
      passed: false,
      expected: { en: 'you use SET … NX', ru: 'команда SET … NX' },
      found: { en: 'you ran SET lock:report worker-7 EX 30 (no NX)', ru: 'вы выполнили SET lock:report worker-7 EX 30 (нет NX)' },
    };
    // 80 columns with the panel beside: a 50-column checklist.
    const tui = renderTui({ course, language: 'ru', columns: 80, rows: 40, actions: [...opened, tried, { type: 'evaluated', result: { ...failing, checks: [check] } }, { type: 'toggle-panel' }] });
    await tick();
    expect(tui.lastFrame()).toContain('    ожидалось: команда SET … NX\n    найдено: вы выполнили SET lock:report worker-7\n      EX 30 (нет NX)\n');
    tui.unmount();
  });

  it('says the Redis in use and the data panel\'s words in Russian', async () => {
    const course = await fixtureCourse();
    const panel: AppAction = { type: 'panel', panel: { pinned: ['greeting'], snapshots: [{ key: 'greeting', type: 'none', pttl: -2, fetchedAt: 0 }] } };
    const tui = renderTui({ course, language: 'ru', columns: 120, rows: 30, actions: [...opened, panel] });
    await tick();
    expect(tui.lastFrame()).toContain('(нет такого ключа)');
    expect(tui.lastFrame()).toContain('собственный redis-server 7.0.15 на 127.0.0.1:6390 · RU');
    expect(tui.lastFrame()).not.toContain('no such key');
    tui.unmount();
  });

  it('wraps the tutor\'s words and Redis output at spaces, the whole width of the terminal', async () => {
    const course = await fixtureCourse();
    const hint = 'Подсказка 1/2: Отправьте серверу команду PING без аргументов — ответом будет PONG, а затем сохраните значение hello.';
    const reply = `"${'x'.repeat(70)} ${'y'.repeat(20)}"`;
    const transcript: AppAction = { type: 'append', lines: [{ kind: 'tutor', text: hint }, { kind: 'reply', text: reply }] };
    const tui = renderTui({ course, language: 'ru', columns: 80, rows: 40, actions: [...opened, transcript] });
    await tick();
    const lines = tui.lastFrame().split('\n');
    const start = lines.findIndex((line) => line.startsWith('Подсказка 1/2:'));
    const end = lines.findIndex((line) => line.startsWith('"x'));
    const hintLines = lines.slice(start, end).map((line) => line.trimEnd());
    expect(hintLines).toEqual(['Подсказка 1/2: Отправьте серверу команду PING без аргументов — ответом будет', 'PONG, а затем сохраните значение hello.']);
    expect(hintLines.join(' ')).toBe(hint);
    // The reply breaks at its space, not mid-word at column 80.
    expect(lines.slice(end, end + 2).map((line) => line.trimEnd())).toEqual([`"${'x'.repeat(70)}`, `${'y'.repeat(20)}"`]);
    tui.unmount();
  });

  it('scrolls a long lesson with PgDn/PgUp', async () => {
    const course = await fixtureCourse();
    const long = course.modules[0]!.exercises[0]!;
    const original = long.lesson;
    long.lesson = { en: Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n') };
    try {
      const tui = renderTui({ course, columns: 80, rows: 24, actions: opened });
      await tick();
      expect(tui.lastFrame()).toContain('Paragraph 0.');
      expect(tui.lastFrame()).toContain('▼ PgDn');
      tui.stdin.write('\x1b[6~');
      await tick();
      expect(tui.lastFrame()).not.toContain('Paragraph 0.');
      tui.stdin.write('\x1b[5~');
      await tick();
      expect(tui.lastFrame()).toContain('Paragraph 0.');
      tui.unmount();
    } finally {
      long.lesson = original;
    }
  });
});

describe('PromptLine', () => {
  it('sends the typed line on Enter, and Ctrl-C clears a line or (when empty) goes to the controller', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller, actions: opened });
    await tick();
    tui.stdin.write('SET greeting hullo');
    await tick();
    expect(tui.lastFrame()).toContain('127.0.0.1:6390> SET greeting hullo');
    tui.stdin.write('\x03');
    await tick();
    expect(tui.lastFrame()).not.toContain('SET greeting hullo');
    expect(calls).toEqual([]);
    tui.stdin.write('GET greeting');
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['submit', 'GET greeting']]);
    tui.stdin.write('\x03');
    await tick();
    expect(calls).toEqual([['submit', 'GET greeting'], ['interrupt']]);
    tui.unmount();
  });

  it("shows redis-cli's grey argument hint and completes command names with TAB", async () => {
    const course = await fixtureCourse();
    const docs = {
      type: 'map' as const,
      entries: [
        [
          { type: 'bulk' as const, value: Buffer.from('get') },
          {
            type: 'map' as const,
            entries: [
              [{ type: 'bulk' as const, value: Buffer.from('summary') }, { type: 'bulk' as const, value: Buffer.from('Get the value of a key') }],
              [{ type: 'bulk' as const, value: Buffer.from('since') }, { type: 'bulk' as const, value: Buffer.from('1.0.0') }],
              [{ type: 'bulk' as const, value: Buffer.from('group') }, { type: 'bulk' as const, value: Buffer.from('string') }],
              [
                { type: 'bulk' as const, value: Buffer.from('arguments') },
                {
                  type: 'array' as const,
                  items: [
                    {
                      type: 'map' as const,
                      entries: [
                        [{ type: 'bulk' as const, value: Buffer.from('name') }, { type: 'bulk' as const, value: Buffer.from('key') }],
                        [{ type: 'bulk' as const, value: Buffer.from('type') }, { type: 'bulk' as const, value: Buffer.from('key') }],
                      ],
                    },
                  ],
                },
              ],
            ],
          },
        ],
      ] as Array<[never, never]>,
    };
    const table = buildCommandTable(docs);
    expect(table).not.toBeNull();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller, actions: opened, table: table! });
    await tick();
    tui.stdin.write('GET');
    await tick();
    expect(tui.lastFrame()).toMatch(/127\.0\.0\.1:6390> GET.key/);
    tui.stdin.write('\x15'); // Ctrl-U
    tui.stdin.write('ge');
    tui.stdin.write('\t');
    await tick();
    expect(tui.lastFrame()).toContain('127.0.0.1:6390> GET');
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['submit', 'GET']]);
    tui.unmount();
  });

  it('recalls history with the up arrow', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller, actions: opened });
    // What the controller does with each submitted line.
    tui.services.history.add('SET greeting hullo');
    tui.services.history.add('GET greeting');
    await tick();
    // A new line (here after Ctrl-C) starts from the history as it is now.
    tui.stdin.write('x');
    tui.stdin.write('\x03');
    await tick();
    tui.stdin.write('\x1b[A');
    tui.stdin.write('\x1b[A');
    await tick();
    expect(tui.lastFrame()).toContain('127.0.0.1:6390> SET greeting hullo');
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['submit', 'SET greeting hullo']]);
    tui.unmount();
  });
});
