import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { renderTui, tick } from './support/render-tui.js';

const PROGRAMS_COURSE = join(import.meta.dirname, '..', 'fixtures', 'course-programs');
const ID = 'basics/counter';
const FILE = '/home/learner/.local/share/redis-tutor/workspace/basics/counter.py';
const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: ID },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
  { type: 'program-opened', view: { exerciseId: ID, file: FILE, language: 'python', languages: ['python', 'javascript'], created: true } },
];

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a program exercise on the exercise screen', () => {
  it('shows the task, the learner’s file, that a save runs it, and the program keys', async () => {
    const { course } = await loadCourse(PROGRAMS_COURSE);
    const tui = renderTui({ course, columns: 100, rows: 30, actions: opened });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Count this run in runs with INCR.');
    expect(frame).toContain(`Your Python file: ${FILE}\nMade from the starter just now. Save the file to run it`);
    expect(frame).toContain('Ctrl-O edit · Ctrl-G Python/JavaScript · :hint :solution :menu');
    tui.unmount();
  });

  it('shows a traceback as the program printed it, and the verdict of a checked run', async () => {
    const { course } = await loadCourse(PROGRAMS_COURSE);
    const traceback = 'Traceback (most recent call last):\n  File "counter.py", line 2, in <module>\n    1 / 0\nZeroDivisionError: division by zero\n';
    const tui = renderTui({
      course,
      columns: 100,
      rows: 34,
      actions: [
        ...opened,
        { type: 'program-run-started', exerciseId: ID },
        { type: 'program-output', exerciseId: ID, text: traceback },
        { type: 'program-run-ended', exerciseId: ID, run: { kind: 'failed', exitCode: 1, problem: { en: 'the program exited with code 1', ru: 'программа завершилась с кодом 1' }, ms: 95 } },
      ],
    });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Output · stopped before the checks · exit 1 · 95 ms');
    expect(frame).toContain('  File "counter.py", line 2, in <module>\n    1 / 0\nZeroDivisionError: division by zero\nthe program exited with code 1');
    tui.store.dispatch({ type: 'program-run-started', exerciseId: ID });
    expect(tui.lastFrame()).toContain('Output · running…');
    tui.store.dispatch({ type: 'program-output', exerciseId: ID, text: 'runs now: 5\n' });
    tui.store.dispatch({ type: 'program-run-ended', exerciseId: ID, run: { kind: 'checked', exitCode: 0, passed: true, ms: 130 } });
    expect(tui.lastFrame()).toContain('Output · solved · exit 0 · 130 ms\nruns now: 5');
    tui.unmount();
  });

  it('says how to set an editor when neither VISUAL nor EDITOR is set, and keeps Ctrl-O out of the prompt', async () => {
    vi.stubEnv('VISUAL', '');
    vi.stubEnv('EDITOR', '');
    const { course } = await loadCourse(PROGRAMS_COURSE);
    const tui = renderTui({ course, columns: 100, rows: 30, language: 'ru', actions: opened });
    await tick();
    tui.stdin.write('\x0f');
    expect(tui.lastFrame()).toContain('Редактор не задан: укажите VISUAL или EDITOR');
    expect(tui.store.getState().program?.editor).toBeUndefined();
    expect(tui.lastFrame()).toContain('Ваш файл на Python:');
    expect(tui.lastFrame()).toContain('Ctrl-O правка · Ctrl-G Python/JavaScript');
    tui.unmount();
  });
});
