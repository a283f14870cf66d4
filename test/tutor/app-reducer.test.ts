import { describe, expect, it } from 'vitest';
import type { ExerciseResult } from '../../src/results/check-result.js';
import { emptyProgress } from '../../src/progress/progress-file.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { appReducer } from '../../src/tutor/state/app-reducer.js';
import { initialState, TRANSCRIPT_LIMIT, type AppState } from '../../src/tutor/state/app-state.js';

const base = initialState({
  language: 'en',
  progress: emptyProgress(),
  progressSaved: true,
  redis: { kind: 'private', version: '7.0.15', address: '127.0.0.1:6379' },
  panelVisible: false,
});
const result = (passed: boolean): ExerciseResult => ({ id: 'm/e', passed, checks: [], timings: { checksMs: 1, firstPassMs: 1, passes: 1 } });
const reduce = (state: AppState, ...actions: AppAction[]) => actions.reduce(appReducer, state);

describe('appReducer', () => {
  const rows: Array<[string, AppState, AppAction[], Partial<AppState>]> = [
    ['opening an exercise shows it fresh', reduce(base, { type: 'append', lines: [{ kind: 'reply', text: 'OK' }] }, { type: 'hint-shown' }), [{ type: 'exercise-opened', exerciseId: 'm/e' }], { screen: 'exercise', exerciseId: 'm/e', transcript: [], hintsShown: 0, solvedNow: false, result: undefined }],
    ['a passing evaluation marks it solved, and solved stays', base, [{ type: 'evaluated', result: result(true) }, { type: 'evaluated', result: result(false) }], { solvedNow: true }],
    ['a failing evaluation alone does not', base, [{ type: 'evaluated', result: result(false) }], { solvedNow: false }],
    ['the time from Enter to the checklist is kept when measured', base, [{ type: 'evaluated', result: result(false), ms: 12 }], { lastCheckMs: 12 }],
    ['an attempt reset forgets the result and the solved state', reduce(base, { type: 'evaluated', result: result(true) }), [{ type: 'attempt-reset' }], { solvedNow: false, result: undefined }],
    ['the home screen takes the question away', reduce(base, { type: 'confirm', question: 'quit' }), [{ type: 'home', cursor: 2 }], { screen: 'home', confirm: undefined, homeCursor: 2 }],
    ['the home cursor never goes below 0', base, [{ type: 'home-cursor', cursor: -3 }], { homeCursor: 0 }],
    ['a module opens and closes', base, [{ type: 'toggle-module', moduleId: 'strings' }, { type: 'toggle-module', moduleId: 'strings' }], { expandedModule: undefined }],
    ['the lesson scrolls, not above its top', base, [{ type: 'scroll-lesson', by: 3 }, { type: 'scroll-lesson', by: -5 }], { lessonScroll: 0 }],
    ['the panel follows the width until the learner chooses', base, [{ type: 'terminal-width', columns: 120 }], { panelVisible: true, panelChosen: false }],
    ['…and then the choice stands', base, [{ type: 'toggle-panel' }, { type: 'terminal-width', columns: 60 }], { panelVisible: true, panelChosen: true }],
    ['clear empties the transcript', reduce(base, { type: 'append', lines: [{ kind: 'reply', text: 'x' }] }), [{ type: 'clear-transcript' }], { transcript: [] }],
    ['the prompt mode and text are as told', base, [{ type: 'prompt-mode', mode: 'subscribed' }, { type: 'prompt-text', text: '127.0.0.1:1[2]> ' }], { promptMode: 'subscribed', promptText: '127.0.0.1:1[2]> ' }],
    ['quit ends the app', base, [{ type: 'quit' }], { quitting: true }],
  ];
  it.each(rows)('%s', (_name, from, actions, expected) => {
    expect(reduce(from, ...actions)).toMatchObject(expected);
  });

  it('numbers transcript lines and keeps only the last TRANSCRIPT_LIMIT', () => {
    const many = Array.from({ length: TRANSCRIPT_LIMIT + 5 }, (_, i) => ({ kind: 'reply' as const, text: String(i) }));
    const state = reduce(base, { type: 'append', lines: many });
    expect(state.transcript).toHaveLength(TRANSCRIPT_LIMIT);
    expect(state.transcript[0]).toEqual({ id: 6, kind: 'reply', text: '5' });
    expect(state.nextLineId).toBe(TRANSCRIPT_LIMIT + 6);
  });

  it('returns the same state for an append of nothing and an unchanged width', () => {
    expect(appReducer(base, { type: 'append', lines: [] })).toBe(base);
    expect(appReducer(base, { type: 'terminal-width', columns: 80 })).toBe(base);
  });
});
