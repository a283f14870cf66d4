import { describe, expect, it } from 'vitest';
import { emptyProgress, type Progress } from '../../src/progress/progress-file.js';
import { markHelped, markSolved, markStarted } from '../../src/progress/progress-updates.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

const solve = (progress: Progress, id: string) => markSolved(markStarted(progress, id), id);
/** The selected row: the one with the › pointer. */
const selected = (frame: string) => frame.split('\n').find((line) => line.startsWith('›'));

describe('HomeScreen marks and cursor', () => {
  it('expanding a module keeps the cursor on it, also when another module above it closes', async () => {
    const course = await fixtureCourse();
    const { controller } = recordingController();
    const tui = renderTui({ course, controller, columns: 80, rows: 24 });
    await tick();
    const press = async (key: string) => {
      tui.stdin.write(key);
      await tick();
    };
    await press('j'); // 01 Getting started
    await press('\r'); // expand it: its two exercises appear below
    expect(selected(tui.lastFrame())).toContain('▾ 01 Getting started');
    await press('j');
    await press('j');
    await press('j'); // 02 Pub/Sub, below the two exercises
    expect(selected(tui.lastFrame())).toContain('▸ 02 Pub/Sub');
    await press('\r'); // Getting started closes above it: the rows shift up by two
    expect(tui.lastFrame()).toContain('▸ 01 Getting started');
    expect(tui.lastFrame()).toContain('· 01 Listen to the news');
    expect(selected(tui.lastFrame())).toContain('▾ 02 Pub/Sub');
    await press('\r'); // and closes again in place
    expect(selected(tui.lastFrame())).toContain('▸ 02 Pub/Sub');
    tui.unmount();
  });

  it('◀ marks the exercise and module "Continue" opens, also when the last one visited is solved', async () => {
    const course = await fixtureCourse();
    // The learner solved getting-started/page-views last: Continue goes on to the first unsolved one after it.
    const progress = solve(solve(emptyProgress(), 'getting-started/first-key'), 'getting-started/page-views');
    expect(progress.last).toBe('getting-started/page-views');
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, progress, controller, columns: 80, rows: 24 });
    await tick();
    expect(tui.lastFrame()).toContain('Continue: Pub/Sub › Listen to the news');
    expect(tui.lastFrame()).toMatch(/02 Pub\/Sub .* 0\/2 ◀/);
    expect(tui.lastFrame()).not.toMatch(/01 Getting started .*◀/);
    for (const key of ['j', 'j', '\r']) {
      tui.stdin.write(key);
      await tick();
    }
    expect(tui.lastFrame()).toMatch(/· 01 Listen to the news ◀/);
    expect(tui.lastFrame().match(/◀/g)).toHaveLength(2);
    tui.stdin.write('k');
    tui.stdin.write('k');
    await tick();
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['openExercise', 'pubsub/news']]);
    tui.unmount();
  });

  it('shows "solved with help" with its own mark, explained in the legend, in English and Russian', async () => {
    const course = await fixtureCourse();
    const progress = markStarted(solve(markHelped(markStarted(emptyProgress(), 'getting-started/first-key'), 'getting-started/first-key'), 'getting-started/first-key'), 'getting-started/page-views');
    expect(progress.exercises['getting-started/first-key']).toMatchObject({ status: 'solved', withHelp: true });
    for (const [language, legend] of [
      ['en', '✓ solved · ✱ solved with help · ◐ started · ◀ next'],
      ['ru', '✓ решено · ✱ решено с подсказкой · ◐ начато · ◀ следующее'],
    ] as const) {
      const tui = renderTui({ course, progress, language, columns: 80, rows: 24 });
      await tick();
      tui.stdin.write('j');
      await tick();
      tui.stdin.write('\r');
      await tick();
      const frame = tui.lastFrame();
      expect(frame).toMatch(/ {4}✱ 01 (Your first key|Ваш первый ключ)\n/);
      expect(frame).toMatch(/ {4}◐ 02 (A page-view counter|Счётчик просмотров) ◀/);
      expect(frame).toContain(legend);
      tui.unmount();
    }
  });

  it('the exercise header uses the same marks: ✱ solved with help, ✓ solved before', async () => {
    const course = await fixtureCourse();
    const helped = solve(markHelped(markStarted(emptyProgress(), 'getting-started/first-key'), 'getting-started/first-key'), 'getting-started/first-key');
    const progress = solve(helped, 'getting-started/page-views');
    const tui = renderTui({ course, progress, actions: [{ type: 'exercise-opened', exerciseId: 'getting-started/first-key' }] });
    await tick();
    expect(tui.lastFrame().split('\n')[0]).toMatch(/Your first key {2}1 of 2 ✱ solved with help$/);
    tui.store.dispatch({ type: 'exercise-opened', exerciseId: 'getting-started/page-views' });
    await tick();
    expect(tui.lastFrame().split('\n')[0]).toMatch(/A page-view counter {2}2 of 2 ✓ solved before$/);
    tui.unmount();
  });

  it('a plain solve keeps ✓', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, progress: solve(emptyProgress(), 'getting-started/first-key'), columns: 80, rows: 24 });
    await tick();
    tui.stdin.write('j');
    await tick();
    tui.stdin.write('\r');
    await tick();
    expect(tui.lastFrame()).toMatch(/ {4}✓ 01 Your first key\n/);
    tui.unmount();
  });
});
