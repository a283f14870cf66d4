import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import { localize } from '../../src/course/localize.js';
import { chalkTheme } from '../../src/markdown/chalk-theme.js';
import { renderMarkdown } from '../../src/markdown/render-markdown.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { exerciseLayout, textWidthFor } from '../../src/ui/layout.js';
import { MIN_COLUMNS, MIN_ROWS } from '../../src/ui/min-size.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];

describe('the minimum terminal size', () => {
  it('is 80×24, where every task of the bundled course is shown whole, in both languages', async () => {
    expect([MIN_COLUMNS, MIN_ROWS]).toEqual([80, 24]);
    const { course } = await loadCourse();
    const theme = chalkTheme(new Chalk({ level: 0 }));
    const width = textWidthFor(MIN_COLUMNS, false) - 2;
    const cut: string[] = [];
    let longest = 0;
    for (const exercise of course.modules.flatMap((module) => module.exercises)) {
      for (const language of ['en', 'ru'] as const) {
        const task = renderMarkdown(localize(exercise.task, language), { width, theme });
        longest = Math.max(longest, task.length);
        // The most the checklist can ask for: every check, and expected and found for the first failing one.
        const layout = exerciseLayout({ rows: MIN_ROWS, columns: MIN_COLUMNS, panelVisible: false, taskLines: task.length, checkLines: exercise.checks.length + 3, transcriptLines: 100 });
        if (!layout.taskFits) cut.push(`${exercise.id} (${language}, ${task.length} lines)`);
        expect(layout.lessonRows + layout.taskRows + layout.checkRows + layout.transcriptRows + 4).toBe(MIN_ROWS - 1);
        expect(layout.checkRows).toBeGreaterThanOrEqual(2);
        expect(layout.transcriptRows).toBeGreaterThanOrEqual(3);
      }
    }
    expect(cut).toEqual([]);
    // One row less and the longest task would be cut: the minimum is the real one.
    const tighter = exerciseLayout({ rows: MIN_ROWS - 1, columns: MIN_COLUMNS, panelVisible: false, taskLines: longest, checkLines: 10, transcriptLines: 100 });
    expect(tighter.taskFits).toBe(false);
  });

  it.each([
    [60, 20, 'en', 'Terminal too small: 60×20, needs at least 80×24 — enlarge the window.'],
    [79, 24, 'en', 'Terminal too small: 79×24, needs at least 80×24 — enlarge the window.'],
    [80, 23, 'ru', 'Терминал слишком мал: 80×23, нужно не меньше 80×24 — увеличьте окно.'],
  ] as const)('below it, at %i×%i, a notice says the size needed instead of a cut screen (%s)', async (columns, rows, language, notice) => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns, rows, language, actions: opened });
    await tick();
    const frame = tui.lastFrame();
    expect(frame.replace(/\n/g, ' ').replace(/ +/g, ' ')).toContain(notice);
    expect(frame).not.toContain('Store hello');
    expect(frame).not.toContain('Сохраните hello');
    tui.unmount();
  });

  it('the home screen gives the same notice', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 70, rows: 30 });
    await tick();
    expect(tui.lastFrame()).toContain('Terminal too small: 70×30');
    expect(tui.lastFrame()).not.toContain('Start:');
    tui.unmount();
  });

  it('Ctrl-C on the notice asks before quitting, and y quits', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, columns: 60, rows: 20, controller, actions: opened });
    await tick();
    tui.stdin.write('\x03');
    await tick();
    expect(tui.lastFrame()).toContain('Quit redis-tutor?');
    tui.stdin.write('y');
    await tick();
    expect(calls).toContainEqual(['answer', true]);
    tui.unmount();
  });
});
