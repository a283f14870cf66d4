import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/course/schema.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];
const panel: AppAction = { type: 'panel', panel: { pinned: ['greeting'], snapshots: [{ key: 'greeting', type: 'string', value: 'hello', length: 5, pttl: -1, fetchedAt: 0 }] } };
/** A task of twelve numbered steps, as long as the longest in the bundled course, and a lesson of forty paragraphs. */
const LONG_TASK = Array.from({ length: 12 }, (_, i) => `${i + 1}. Step ${i + 1} of the task, ending here.`).join('\n');
/** Twelve steps that each take one line at 100 columns and two beside the data panel. */
const WIDE_TASK = Array.from({ length: 12 }, (_, i) => `${i + 1}. Step ${i + 1} of the task, a sentence long enough to wrap beside the panel, ending here.`).join('\n');
const LONG_LESSON = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}.`).join('\n\n');

async function withLongTexts(run: (course: Course) => Promise<void>, task = LONG_TASK): Promise<void> {
  const course = await fixtureCourse();
  const exercise = course.modules[0]!.exercises[0]!;
  exercise.task = { en: task };
  exercise.lesson = { en: LONG_LESSON };
  await run(course);
}

describe('room for the task', () => {
  it('at 100×24 the data panel gives way to a task it would cut; at 100×40 both fit', () =>
    withLongTexts(async (course) => {
      const small = renderTui({ course, columns: 100, rows: 24, actions: [...opened, panel] });
      await tick();
      expect(small.lastFrame()).toContain('12. Step 12 of the task, a sentence long enough to wrap beside the panel, ending here.');
      expect(small.lastFrame()).not.toMatch(/ Data$/m);
      small.unmount();
      const large = renderTui({ course, columns: 100, rows: 40, actions: [...opened, panel] });
      await tick();
      // Wrapped beside the panel, whole.
      expect(large.lastFrame()).toMatch(/ {2}12\. Step 12 of the task, a sentence long enough to wrap *\n {6}beside the panel, ending here\. *\n/);
      expect(large.lastFrame()).toMatch(/ Data$/m);
      large.unmount();
    }, WIDE_TASK));

  it('at 80×24 paging into the lesson folds the task to a line, and back at the top it is whole again', () =>
    withLongTexts(async (course) => {
      const tui = renderTui({ course, columns: 80, rows: 24, actions: opened });
      await tick();
      expect(tui.lastFrame()).toContain('12. Step 12 of the task, ending here.');
      expect(tui.lastFrame()).not.toContain('Paragraph 0.');
      tui.stdin.write('\x1b[6~');
      await tick();
      // The lesson from its top, in the rows the task gave up.
      expect(tui.lastFrame()).toContain('Paragraph 0.');
      expect(tui.lastFrame()).toContain('Paragraph 1.');
      expect(tui.lastFrame()).toContain('Task\n  ▲ PgUp to the top of the lesson shows the whole task');
      expect(tui.lastFrame()).not.toContain('Step 12');
      tui.stdin.write('\x1b[6~');
      await tick();
      expect(tui.lastFrame()).not.toContain('Paragraph 0.');
      tui.stdin.write('\x1b[5~');
      tui.stdin.write('\x1b[5~');
      await tick();
      expect(tui.lastFrame()).toContain('12. Step 12 of the task, ending here.');
      tui.unmount();
    }));

  it('a task that needs the lesson\'s last row too takes it, and its title says where the lesson is', () =>
    withLongTexts(async (course) => {
      const tui = renderTui({ course, columns: 80, rows: 24, actions: opened });
      await tick();
      const lines = tui.lastFrame().split('\n');
      expect(lines[1]).toBe('Task  ▼ PgDn Lesson');
      expect(tui.lastFrame()).toContain('13. Step 13 of the task, ending here.');
      tui.stdin.write('\x1b[6~');
      await tick();
      expect(tui.lastFrame()).toContain('Paragraph 0.');
      tui.unmount();
    }, `${LONG_TASK}\n13. Step 13 of the task, ending here.`));
});
