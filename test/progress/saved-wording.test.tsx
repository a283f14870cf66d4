import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/progress-file.js';
import type { SaveOutcome } from '../../src/progress/progress-store.js';
import { markSolved, markStarted } from '../../src/progress/progress-updates.js';
import { appReducer } from '../../src/tutor/state/app-reducer.js';
import { initialState, type AppState } from '../../src/tutor/state/app-state.js';
import { waitUntil } from '../support/wait-until.js';
import { fixtureCourse, renderTui } from '../ui/support/render-tui.js';

/** "Your progress is saved" is said only while the last save succeeded. */

const start = (progressSaved = true): AppState =>
  initialState({ language: 'en', progress: emptyProgress(), progressSaved, redis: { kind: 'private', version: '7.0.15', address: '127.0.0.1:6390' }, panelVisible: false });
const failed = (message: string): SaveOutcome => ({ kind: 'failed', error: new Error(message) });

describe('the state after a save', () => {
  it('a failing save makes "saved" false and shows the reason once, until a save succeeds', () => {
    let state = appReducer(start(), { type: 'progress-save', outcome: failed('permission denied in /ro') });
    expect(state.progressSaved).toBe(false);
    expect(state.progressSaveError).toBe('permission denied in /ro');
    expect(state.notice).toEqual({ text: 'could not save progress: permission denied in /ro', tone: 'warning' });
    // The learner moves on; the next failure does not shout again.
    state = appReducer(state, { type: 'notice', notice: undefined });
    state = appReducer(state, { type: 'progress-save', outcome: failed('permission denied in /ro') });
    expect(state.notice).toBeUndefined();
    expect(state.progressSaved).toBe(false);
    // A save that works again: saved is true, and a still-shown failure notice goes.
    state = appReducer(state, { type: 'notice', notice: { text: 'could not save progress: permission denied in /ro', tone: 'warning' } });
    const progress = state.progress;
    state = appReducer(state, { type: 'progress-save', outcome: { kind: 'saved', progress, asked: progress } });
    expect(state.progressSaved).toBe(true);
    expect(state.progressSaveError).toBeUndefined();
    expect(state.notice).toBeUndefined();
    // Failing after working again shows the reason again.
    state = appReducer(state, { type: 'progress-save', outcome: failed('the disk is full') });
    expect(state.notice?.text).toBe('could not save progress: the disk is full');
  });

  it('takes the file’s merged progress only over the progress that was saved', () => {
    const asked = markStarted(emptyProgress(), 'm/a');
    const merged = markSolved(markStarted(asked, 'm/b'), 'm/b');
    let state = appReducer(start(), { type: 'progress', progress: asked });
    expect(appReducer(state, { type: 'progress-save', outcome: { kind: 'saved', progress: merged, asked } }).progress).toBe(merged);
    // A newer change was made meanwhile: it stays (its own save brings the merge).
    const newer = markStarted(asked, 'm/c');
    state = appReducer(state, { type: 'progress', progress: newer });
    expect(appReducer(state, { type: 'progress-save', outcome: { kind: 'saved', progress: merged, asked } }).progress).toBe(newer);
  });

  it('--fresh stays "not saved", and saying nothing changes nothing', () => {
    const fresh = start(false);
    expect(appReducer(fresh, { type: 'progress-save', outcome: { kind: 'off' } })).toBe(fresh);
  });
});

describe('the quit question and the status line', () => {
  const rendered = async (actions: Parameters<typeof renderTui>[0]['actions']) => renderTui({ course: await fixtureCourse(), columns: 160, actions });

  it('says "saved" while the last save succeeded', async () => {
    const tui = await rendered([{ type: 'confirm', question: 'quit' }]);
    const frame = await waitUntil(() => tui.lastFrame().includes('Quit redis-tutor?') && tui.lastFrame(), 'the quit question');
    expect(frame).toContain('Quit redis-tutor? Your progress is saved. (y/n)');
    expect(frame).not.toContain('progress not saved');
    tui.unmount();
  });

  it('says it could not save, and the status line says "not saved", once saving fails', async () => {
    const tui = await rendered([
      { type: 'progress-save', outcome: failed('permission denied in /ro') },
      { type: 'confirm', question: 'quit' },
    ]);
    const frame = await waitUntil(() => tui.lastFrame().includes('Quit redis-tutor?') && tui.lastFrame(), 'the quit question');
    expect(frame).toContain('Quit redis-tutor? Your latest progress could not be saved. (y/n)');
    expect(frame).not.toContain('Your progress is saved');
    expect(frame).toContain('could not save progress: permission denied in /ro');
    expect(frame).toMatch(/EN · progress not saved/);
    tui.unmount();
  });

  it('in Russian too', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, columns: 120, language: 'ru', actions: [{ type: 'progress-save', outcome: failed('x') }, { type: 'confirm', question: 'quit' }] });
    const frame = await waitUntil(() => tui.lastFrame().includes('Выйти') && tui.lastFrame(), 'the quit question');
    expect(frame).toContain('Выйти из redis-tutor? Последний прогресс сохранить не удалось. (y/n)');
    expect(frame).toContain('прогресс не сохранён');
    tui.unmount();
  });
});
