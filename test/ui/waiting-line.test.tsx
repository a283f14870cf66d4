/**
 * The exercise screen while a blocking command waits, and the tutor's notes:
 * the dim "waiting… Ctrl-C cancels" in place of the hidden prompt until the
 * reply comes, and a note under a Redis error, both in the learner's language.
 */
import { describe, expect, it } from 'vitest';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { fixtureCourse, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];
const blpopRunning: AppAction[] = [
  { type: 'append', lines: [{ kind: 'input', text: '127.0.0.1:6390> BLPOP jobs 0' }] },
  { type: 'prompt-mode', mode: 'busy', lineRunning: true },
  { type: 'waiting-for-reply', waiting: true },
];

describe('the waiting line and the notes on the exercise screen', () => {
  it('says Ctrl-C cancels while BLPOP waits, and drops it when the reply is in', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: [...opened, ...blpopRunning] });
    await tick();
    expect(tui.lastFrame()).toContain('waiting… Ctrl-C cancels');
    tui.store.dispatch({ type: 'waiting-for-reply', waiting: false });
    tui.store.dispatch({ type: 'append', lines: [{ kind: 'reply', text: '1) "jobs"' }, { kind: 'reply', text: '2) "a"' }, { kind: 'reply', text: '(2.50s)' }] });
    tui.store.dispatch({ type: 'prompt-mode', mode: 'ready' });
    await tick();
    expect(tui.lastFrame()).not.toContain('waiting…');
    expect(tui.lastFrame()).toContain('2) "a"\n(2.50s)\n127.0.0.1:6390>');
    tui.unmount();
  });

  it('in Russian too', async () => {
    const course = await fixtureCourse();
    const tui = renderTui({ course, actions: [{ type: 'language', language: 'ru' }, ...opened, ...blpopRunning] });
    await tick();
    expect(tui.lastFrame()).toContain('жду ответа… Ctrl-C — отменить');
    tui.unmount();
  });

  it('shows a note under the error it explains', async () => {
    const course = await fixtureCourse();
    const error = "(error) ERR unknown command 'PNIG', with args beginning with: ";
    const lines: AppAction = {
      type: 'append',
      lines: [
        { kind: 'input', text: '127.0.0.1:6390> PNIG' },
        { kind: 'reply', text: error },
        { kind: 'note', text: 'did you mean PING?' },
      ],
    };
    const tui = renderTui({ course, actions: [...opened, lines] });
    await tick();
    expect(tui.lastFrame()).toContain(`${error.trimEnd()}\ndid you mean PING?`);
    tui.unmount();
  });
});
