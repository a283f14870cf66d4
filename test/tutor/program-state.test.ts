import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/progress/progress-file.js';
import type { ExerciseResult } from '../../src/results/check-result.js';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { appReducer } from '../../src/tutor/state/app-reducer.js';
import { initialState, type AppState } from '../../src/tutor/state/app-state.js';
import { PROGRAM_OUTPUT_LIMIT } from '../../src/tutor/state/program-state.js';

const ID = 'basics/counter';
const start = initialState({ language: 'en', progress: emptyProgress(), progressSaved: false, redis: { kind: 'private', server: 'redis', version: '7.0.15', address: '127.0.0.1:1' }, panelVisible: false });
const run = (actions: AppAction[], from: AppState = start) => actions.reduce(appReducer, from);
const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: ID },
  { type: 'program-opened', view: { exerciseId: ID, file: '/w/basics/counter.py', language: 'python', languages: ['python', 'javascript'], created: true } },
];
const result = (passed: boolean): ExerciseResult => ({ id: ID, passed, checks: [{ index: 0, description: { en: 'runs is 5', ru: 'runs равен 5' }, passed }], timings: { checksMs: 1, firstPassMs: 1, passes: 1 } });

describe('the program state', () => {
  it('follows a run: waiting, running with the output so far, then checked', () => {
    const waiting = run(opened);
    expect(waiting.program).toMatchObject({ run: { kind: 'waiting' }, output: '', runs: 0, editor: undefined });
    const running = run([{ type: 'program-run-started', exerciseId: ID }, { type: 'program-output', exerciseId: ID, text: 'runs ' }, { type: 'program-output', exerciseId: ID, text: 'now: 5\n' }], waiting);
    expect(running.program).toMatchObject({ run: { kind: 'running' }, output: 'runs now: 5\n' });
    const checked = run([{ type: 'program-run-ended', exerciseId: ID, run: { kind: 'checked', exitCode: 0, passed: true, ms: 120 } }], running);
    expect(checked.program).toMatchObject({ run: { kind: 'checked', passed: true }, runs: 1, output: 'runs now: 5\n' });
    // The next run starts with an empty pane.
    expect(run([{ type: 'program-run-started', exerciseId: ID }], checked).program?.output).toBe('');
  });

  it('counts only judged runs, and keeps the checklist behind a traceback whatever the prompt’s checks see', () => {
    const first = run([...opened, { type: 'evaluated', result: result(false) }]);
    expect(first.result?.passed).toBe(false);
    const failed = run([{ type: 'program-run-ended', exerciseId: ID, run: { kind: 'failed', exitCode: 1, problem: { en: 'exit 1', ru: 'код 1' }, ms: 80 } }], first);
    expect(failed.program?.runs).toBe(0);
    // The crashed program left data the prompt's live refresh would call a pass.
    expect(run([{ type: 'evaluated', result: result(true) }], failed).result?.passed).toBe(false);
  });

  it('after a judged run, the prompt’s own evaluations do not overwrite the program’s verdict', () => {
    const judged = run([...opened, { type: 'evaluated', result: result(true), source: 'program' }, { type: 'program-run-ended', exerciseId: ID, run: { kind: 'checked', exitCode: 0, passed: true, ms: 1 } }]);
    const after = run([{ type: 'evaluated', result: result(false) }], judged);
    expect(after.result?.passed).toBe(true);
    expect(after.solvedNow).toBe(true);
    // :reset opens the exercise again: the file stays, its verdicts go.
    const reopened = run([{ type: 'exercise-opened', exerciseId: ID }], after);
    expect(reopened.program).toMatchObject({ file: '/w/basics/counter.py', runs: 0 });
    expect(run([{ type: 'exercise-opened', exerciseId: 'basics/other' }], after).program).toBeUndefined();
  });

  it('drops the actions of another exercise’s late run and keeps only the end of a long output', () => {
    const state = run([...opened, { type: 'program-output', exerciseId: 'basics/other', text: 'late' }, { type: 'program-run-ended', exerciseId: 'basics/other', run: { kind: 'checked', exitCode: 0, passed: true, ms: 1 } }]);
    expect(state.program).toMatchObject({ output: '', runs: 0 });
    const long = run([{ type: 'program-output', exerciseId: ID, text: 'x'.repeat(PROGRAM_OUTPUT_LIMIT) }, { type: 'program-output', exerciseId: ID, text: 'END' }], state);
    expect(long.program?.output).toHaveLength(PROGRAM_OUTPUT_LIMIT);
    expect(long.program?.output.endsWith('END')).toBe(true);
  });

  it('says which editor is open until it closes', () => {
    const editing = run([...opened, { type: 'program-editor', editor: 'vim' }]);
    expect(editing.program?.editor).toBe('vim');
    expect(run([{ type: 'program-editor', editor: undefined }], editing).program?.editor).toBeUndefined();
  });
});
