import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { texts } from '../../src/tutor/texts.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];
/** Enough transcript to fill any screen, so nothing below the prompt is pushed off. */
const longTranscript: AppAction = { type: 'append', lines: Array.from({ length: 80 }, (_, i) => ({ kind: 'reply' as const, text: `${i}) "${'v'.repeat(150)}"` })) };

describe('the key line', () => {
  it.each([
    [80, 24],
    [100, 30],
    [120, 40],
    [200, 60],
  ])('is on the exercise screen at %i×%i, whole, between the prompt and the status line, in English and Russian', async (columns, rows) => {
    const course = await fixtureCourse();
    for (const language of ['en', 'ru'] as const) {
      const tui = renderTui({ course, columns, rows, language, actions: [...opened, longTranscript, { type: 'notice', notice: { text: 'a notice of some length'.repeat(4), tone: 'warning' } }] });
      await tick();
      const lines = tui.lastFrame().split('\n');
      expect(lines).toHaveLength(rows - 1);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
      expect(lines[rows - 4]).toMatch(/^127\.0\.0\.1:6390>/);
      expect(lines[rows - 3]?.trimEnd()).toBe(texts(language).exerciseKeys);
      // A long notice takes the status line; the keys keep their own row.
      expect(lines[rows - 2]).toContain('a notice of some length');
      tui.unmount();
    }
  });

  it('is dim, so it reads as a reminder, not as output', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 80, rows: 24, chalkLevel: 1, actions: opened });
    await tick();
    expect(tui.lastFrame()).toContain(`\x1b[2m${texts('en').exerciseKeys}\x1b[22m`);
    tui.unmount();
  });

  it('stays while a yes/no question takes the prompt', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 80, rows: 24, actions: [...opened, { type: 'confirm', question: 'solution' }] });
    await tick();
    expect(tui.lastFrame()).toContain('Show the solution?');
    expect(tui.lastFrame()).toContain(texts('en').exerciseKeys);
    tui.unmount();
  });

  it('fits the minimum width in both languages', () => {
    for (const language of ['en', 'ru'] as const) {
      expect(stringWidth(texts(language).exerciseKeys)).toBeLessThanOrEqual(80);
      expect(stringWidth(texts(language).homeKeys)).toBeLessThanOrEqual(80);
      expect(stringWidth(texts(language).homeLegend)).toBeLessThanOrEqual(80);
    }
  });

  it('is on the home screen too, with the legend above it, also while an exercise the server cannot run is selected', async () => {
    const course = await fixtureCourse();
    const news = course.modules[1]?.exercises[0];
    if (!news) throw new Error('the fixture course has no pubsub/news');
    news.requires = { redis: '7.4' };
    const tui = renderTui({ course, columns: 80, rows: 24, server: { kind: 'redis', version: '7.0.15', redisVersion: '7.0.15', owned: true, commands: {} } });
    await tick();
    for (const key of ['j', 'j', '\r', 'j']) {
      tui.stdin.write(key);
      await tick();
    }
    const lines = tui.lastFrame().split('\n');
    expect(lines).toHaveLength(23);
    expect(lines[19]).toContain('Start a server that can');
    expect(lines[20]?.trimEnd()).toBe(texts('en').homeLegend);
    expect(lines[21]?.trimEnd()).toBe(texts('en').homeKeys);
    expect(lines[22]).toContain('redis-server 7.0.15');
    tui.unmount();
  });
});
