import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { READING_WIDTH, replyWrap } from '../../src/ui/layout.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];

/** What `help SET` and `help XREAD` print in redis-cli 7.0. */
const HELP_SET = ['', '  SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]', '  summary: Set the string value of a key', '  since: 1.0.0', '  group: string', ''];
const HELP_XREAD = [
  '',
  '  XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]',
  '  summary: Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.',
  '  since: 5.0.0',
  '  group: stream',
  '',
];
const replies = (lines: string[]): AppAction => ({ type: 'append', lines: lines.map((text) => ({ kind: 'reply' as const, text })) });

describe('replyWrap: Redis output wrapped at spaces, not cut', () => {
  it('breaks help SET at a space and keeps the indentation', () => {
    expect(replyWrap(HELP_SET[1] ?? '', 80)).toEqual(['  SET key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT', '  unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]']);
  });

  it('hangs a help field and an array item under their text', () => {
    expect(replyWrap(HELP_XREAD[2] ?? '', 60)).toEqual([
      '  summary: Return never seen elements in multiple streams,',
      '           with IDs greater than the ones reported by the',
      '           caller for each stream. Can block.',
    ]);
    expect(replyWrap('2) "the quick brown fox jumps over the lazy dog"', 24)).toEqual(['2) "the quick brown fox', '   jumps over the lazy', '   dog"']);
  });

  it('still cuts a value with no space to break at, by column', () => {
    expect(replyWrap(`"${'x'.repeat(40)}"`, 16)).toEqual([`"${'x'.repeat(15)}`, 'x'.repeat(16), `${'x'.repeat(9)}"`]);
  });
});

describe('the transcript and the lesson on the exercise screen', () => {
  it('shows help SET and help XREAD whole at 80×24: no word cut, every line within the width', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 80, rows: 24, actions: [...opened, replies([...HELP_SET, ...HELP_XREAD])] });
    await tick();
    const frame = tui.lastFrame();
    for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame).toContain('  summary: Return never seen elements in multiple streams, with IDs greater than\n           the ones reported by the caller for each stream. Can block.');
    tui.unmount();
  });

  it('gives the transcript and the prompt the whole width under the data panel (120 columns, not 76)', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 120, rows: 40, actions: [...opened, replies(HELP_SET)] });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Data');
    // 116 columns: one line at 120, where the column beside the panel (76) would have wrapped it.
    expect(frame).toContain(`\n${HELP_SET[1] ?? ''}\n`);
    tui.unmount();
  });

  it.each([
    [200, 60],
    [160, 50],
  ])('keeps lesson and task lines to a reading width at %i×%i', async (columns, rows) => {
    const course = await fixtureCourse();
    const exercise = course.modules[0]!.exercises[0]!;
    const original = { lesson: exercise.lesson, task: exercise.task };
    const sentence = 'Redis keeps keys and their values in memory and answers commands over the network in well under a millisecond. ';
    exercise.lesson = { en: sentence.repeat(6) };
    exercise.task = { en: `Store hello in greeting. ${sentence.repeat(3)}` };
    try {
      const tui = renderTui({ course, columns, rows, actions: [...opened, { type: 'toggle-panel' }] });
      await tick();
      const lines = tui.lastFrame().split('\n');
      const prose = lines.filter((line) => line.includes('Redis keeps') || line.includes('millisecond'));
      expect(prose.length).toBeGreaterThan(4);
      for (const line of prose) expect(stringWidth(line.trimEnd())).toBeLessThanOrEqual(READING_WIDTH);
      // …and still close to it: the width is used, not squeezed.
      expect(Math.max(...prose.map((line) => stringWidth(line.trimEnd())))).toBeGreaterThan(READING_WIDTH - 15);
      tui.unmount();
    } finally {
      exercise.lesson = original.lesson;
      exercise.task = original.task;
    }
  });
});
