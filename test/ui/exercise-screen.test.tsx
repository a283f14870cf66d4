import { describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../src/engine/result.js';
import { textWidth } from '../../src/markdown/text-width.js';
import { buildCommandTable } from '../../src/redis-cli/command-docs.js';
import type { AppAction } from '../../src/ui/state/app-actions.js';
import { fixtureCourse, recordingSession, renderTui, tick } from './support/render-tui.js';

const failing: ExerciseResult = {
  id: 'getting-started/first-key',
  passed: false,
  checks: [
    { index: 0, description: { en: 'greeting is hello', ru: 'greeting равен hello' }, passed: false, expected: '"hello"', found: '"hullo"' },
    { index: 1, description: { en: 'GET returns hello', ru: 'GET возвращает hello' }, passed: false, expected: '"hello"', found: '"hullo"' },
  ],
  timings: { checksMs: 1, firstPassMs: 1, passes: 1 },
};
const passing: ExerciseResult = { ...failing, passed: true, checks: failing.checks.map(({ index, description }) => ({ index, description, passed: true })) };

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];

describe('ExerciseScreen', () => {
  it('shows where you are, the lesson, the task, the checklist with expected/found for the first failure, and the prompt', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: [...opened, { type: 'evaluated', result: failing, ms: 3.2 }] });
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
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(80);
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
    const tui = renderTui({ course, language: 'ru', actions: [...opened, { type: 'evaluated', result: failing }] });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Первые шаги › Ваш первый ключ  1 из 2');
    expect(frame).toContain('Задание\n  Сохраните hello в greeting.');
    expect(frame).toContain('✗ greeting равен hello\n    ожидалось: "hello"\n    найдено: "hullo"');
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
  it('sends the typed line on Enter, and Ctrl-C clears a line or (when empty) goes to the session', async () => {
    const course = await fixtureCourse();
    const { session, calls } = recordingSession();
    const tui = renderTui({ course, session, actions: opened });
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
    const table = buildCommandTable(docs as never);
    expect(table).not.toBeNull();
    const { session, calls } = recordingSession();
    const tui = renderTui({ course, session, actions: opened, table: table! });
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
    const { session, calls } = recordingSession();
    const tui = renderTui({ course, session, actions: opened });
    // What the session does with each submitted line.
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
