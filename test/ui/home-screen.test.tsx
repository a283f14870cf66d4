import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/progress-file.js';
import { markSolved, markStarted } from '../../src/progress/progress-updates.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

describe('HomeScreen', () => {
  it('lists the modules with progress bars and n/m, continue first, and the Redis in use', async () => {
    const course = await fixtureCourse();
    const progress = markStarted(markSolved(markStarted(emptyProgress(), 'getting-started/first-key'), 'getting-started/first-key'), 'getting-started/page-views');
    const tui = renderTui({ course, progress, columns: 80, rows: 24 });
    await tick();
    const frame = tui.lastFrame();
    expect(frame).toContain('Continue: Getting started › A page-view counter');
    expect(frame).toMatch(/01 Getting started +█{5}░{5} +1\/2 ◀/);
    expect(frame).toMatch(/02 Pub\/Sub +░{10} +0\/2\n/);
    expect(frame).toContain('private redis-server 7.0.15 on 127.0.0.1:6390 · EN');
    expect(frame.split('\n')).toHaveLength(23);
    tui.unmount();
  });

  it('offers "Start" on a fresh course and Enter opens it', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller });
    await tick();
    expect(tui.lastFrame()).toContain('Start: Getting started › Your first key');
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['openExercise', 'getting-started/first-key']]);
    tui.unmount();
  });

  it('moves with j/k and arrows, expands a module and opens one of its exercises', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller });
    await tick();
    tui.stdin.write('j'); // Getting started
    tui.stdin.write('j'); // Pub/Sub
    await tick();
    tui.stdin.write('\r');
    await tick();
    expect(tui.lastFrame()).toContain('▾ 02 Pub/Sub');
    expect(tui.lastFrame()).toContain('· 02 Release a lock');
    tui.stdin.write('\x1b[B'); // down arrow: 01 Listen to the news
    tui.stdin.write('\x1b[B');
    tui.stdin.write('k');
    await tick();
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['openExercise', 'pubsub/news']]);
    tui.unmount();
  });

  it('asks before quitting on q, and l switches the language', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller });
    await tick();
    tui.stdin.write('l');
    await tick();
    expect(calls).toEqual([['setLanguage', 'ru']]);
    tui.stdin.write('q');
    await tick();
    expect(tui.lastFrame()).toContain('Quit redis-tutor? Your progress is saved. (y/n)');
    tui.stdin.write('y');
    await tick();
    expect(calls).toContainEqual(['answer', true]);
    tui.unmount();
  });

  it('speaks Russian', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, language: 'ru' });
    await tick();
    expect(tui.lastFrame()).toContain('Начать: Первые шаги › Ваш первый ключ');
    expect(tui.lastFrame()).toContain('Enter открыть');
    tui.unmount();
  });
});
