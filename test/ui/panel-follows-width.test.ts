import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/progress-file.js';
import { appReducer } from '../../src/tutor/state/app-reducer.js';
import { initialState } from '../../src/tutor/state/app-state.js';

const state = initialState({ language: 'en', progress: emptyProgress(), progressSaved: true, redis: { kind: 'private', version: '7.0.15', address: '127.0.0.1:6379' }, panelVisible: false });

describe('the data panel and the terminal width', () => {
  it('opens from 100 columns and closes below, until the learner chooses', () => {
    const wide = appReducer(state, { type: 'terminal-width', columns: 120 });
    expect(wide.panelVisible).toBe(true);
    expect(appReducer(wide, { type: 'terminal-width', columns: 80 }).panelVisible).toBe(false);
  });

  it('keeps the learner’s :panel choice through resizes', () => {
    const hidden = appReducer(appReducer(state, { type: 'terminal-width', columns: 120 }), { type: 'toggle-panel' });
    expect(hidden.panelVisible).toBe(false);
    expect(appReducer(hidden, { type: 'terminal-width', columns: 160 }).panelVisible).toBe(false);
  });
});
