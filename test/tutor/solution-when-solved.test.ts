import { afterEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

describe(':solution', () => {
  it('asks first on an exercise not solved yet, as it will count as solved with help', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    await tui.type(':solution');
    expect(tui.store.getState().confirm).toBe('solution');
  });

  it('shows the solution at once on an exercise already solved: its record stays "solved", so there is nothing to warn about', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    for (let i = 0; i < 3; i++) await tui.type('INCR views:home');
    const id = 'getting-started/page-views';
    const { store } = tui;
    await waitUntil(() => store.getState().progress.exercises[id]?.status === 'solved', 'the exercise to be solved');
    tui.mark();
    await tui.type(':solution');
    expect(store.getState().confirm).toBeUndefined();
    expect(tui.lines('tutor')).toContain('  INCR views:home');
    expect(store.getState().progress.exercises[id]).toMatchObject({ status: 'solved' });
    expect(store.getState().progress.exercises[id]?.withHelp).toBeUndefined();
  });
});
