import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/progress-file.js';
import type { ExerciseResult } from '../../src/results/check-result.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { appReducer } from '../../src/tutor/state/app-reducer.js';
import { initialState, type AppState } from '../../src/tutor/state/app-state.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const same = (text: string) => ({ en: text, ru: text });
const PROMPT = '127.0.0.1:6390> ';
const failing: ExerciseResult = {
  id: 'getting-started/first-key',
  passed: false,
  checks: [
    { index: 0, description: { en: 'greeting is hello', ru: 'greeting равен hello' }, passed: false, expected: same('"hello"'), found: { en: 'the key does not exist', ru: 'ключ не существует' } },
    { index: 1, description: { en: 'GET was used', ru: 'GET использован' }, passed: false, error: { en: "the check's script failed", ru: 'скрипт проверки завершился с ошибкой' } },
  ],
  timings: { checksMs: 1, firstPassMs: 1, passes: 1 },
};
const opened = (id = 'getting-started/first-key'): AppAction[] => [
  { type: 'exercise-opened', exerciseId: id },
  { type: 'prompt-text', text: PROMPT },
  { type: 'prompt-mode', mode: 'ready' },
  { type: 'evaluated', result: failing },
];
const typed = (line: string): AppAction => ({ type: 'append', lines: [{ kind: 'input', text: PROMPT + line }] });

describe('expected and found wait for the first try', () => {
  it('on opening, a failing check shows no expected value (it would be the answer); after the first command it does', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: opened() });
    await tick();
    expect(tui.lastFrame()).toContain('✗ greeting is hello\n✗ GET was used');
    expect(tui.lastFrame()).not.toContain('expected:');
    expect(tui.lastFrame()).not.toContain('"hello"');
    tui.store.dispatch(typed('SET greeting hullo'));
    tui.store.dispatch({ type: 'evaluated', result: failing });
    await tick();
    expect(tui.lastFrame()).toContain('✗ greeting is hello\n    expected: "hello"\n    found: the key does not exist\n');
    tui.unmount();
  });

  it('in Russian too', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, language: 'ru', actions: opened() });
    await tick();
    expect(tui.lastFrame()).not.toContain('ожидалось:');
    tui.store.dispatch(typed(':check'));
    await tick();
    expect(tui.lastFrame()).toContain('    ожидалось: "hello"\n    найдено: ключ не существует');
    tui.unmount();
  });

  it('a check that could not run says so at once (that gives nothing away)', async () => {
    const course = await fixtureCourse();
    const result: ExerciseResult = { ...failing, checks: [failing.checks[1]!] };
    const tui = renderTui({ course, actions: [...opened(), { type: 'evaluated', result }] });
    await tick();
    expect(tui.lastFrame()).toContain("✗ GET was used\n    could not check: the check's script failed");
    tui.unmount();
  });
});

describe('AppState.tried', () => {
  const start = (): AppState =>
    opened().reduce(appReducer, initialState({ language: 'en', progress: emptyProgress(), progressSaved: true, redis: { kind: 'private', version: '7.0.15', address: '127.0.0.1:6390' }, panelVisible: false }));

  it('is set by a typed line, not by an empty Enter nor by the tutor’s or Redis’s own lines', () => {
    let state = start();
    expect(state.tried).toBe(false);
    state = appReducer(state, { type: 'append', lines: [{ kind: 'input', text: PROMPT }] });
    state = appReducer(state, { type: 'append', lines: [{ kind: 'tutor', text: 'Hint 1/2: …' }, { kind: 'reply', text: 'OK' }] });
    expect(state.tried).toBe(false);
    expect(appReducer(state, typed('GET greeting')).tried).toBe(true);
  });

  it('stays through :reset and a return to the same exercise, and starts over in another', () => {
    const tried = appReducer(start(), typed(':reset'));
    const again = opened().reduce(appReducer, tried);
    expect(again.tried).toBe(true);
    const cleared = appReducer(again, { type: 'clear-transcript' });
    expect(cleared.tried).toBe(true);
    const other = opened('getting-started/page-views').reduce(appReducer, cleared);
    expect(other.tried).toBe(false);
  });
});
