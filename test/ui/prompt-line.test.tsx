import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import type { AppAction } from '../../src/tutor/state/app-actions.js';
import { fixtureCourse, recordingController, renderTui, tick } from './support/render-tui.js';

const opened: AppAction[] = [
  { type: 'exercise-opened', exerciseId: 'getting-started/first-key' },
  { type: 'prompt-text', text: '127.0.0.1:6390> ' },
  { type: 'prompt-mode', mode: 'ready' },
];

describe('PromptLine keys', () => {
  it('tells the Delete key (ESC [3~) from Backspace (DEL), which Ink reports alike', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller, actions: opened });
    await tick();
    tui.stdin.write('abc');
    tui.stdin.write('\x1b[D');
    tui.stdin.write('\x1b[D');
    await tick();
    // The cursor is on "b": Delete removes it, Backspace then removes "a".
    tui.stdin.write('\x1b[3~');
    await tick();
    expect(tui.lastFrame()).toContain('127.0.0.1:6390> ac');
    tui.stdin.write('\x7f');
    await tick();
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([['submit', 'c']]);
    tui.unmount();
  });

  it('cuts a long hint to the room left, as linenoise does, instead of pushing the prompt off the line', async () => {
    const course = await fixtureCourse();
    const { controller } = recordingController();
    const tui = renderTui({ course, controller, actions: opened, columns: 80, rows: 24 });
    tui.services.hint = (line) => (line.length > 0 ? ` value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|KEEPTTL]` : null);
    await tick();
    tui.stdin.write('SET greeting hi');
    await tick();
    const row = tui.lastFrame().split('\n').find((line) => line.includes('greeting hi'));
    expect(row).toMatch(/^127\.0\.0\.1:6390> SET greeting hi value \[NX\|XX\]/);
    expect(stringWidth(row ?? '')).toBeLessThanOrEqual(80);
    tui.unmount();
  });

  it('keeps what was typed while a command changed the prompt (SELECT), for the next line', async () => {
    const course = await fixtureCourse();
    const { controller, calls } = recordingController();
    const tui = renderTui({ course, controller, actions: [...opened, { type: 'prompt-text', text: '127.0.0.1:6390[2]> ' }] });
    await tick();
    tui.stdin.write('SELECT 0\r');
    await tick();
    tui.stdin.write('GET k');
    await tick();
    // The reply to SELECT 0 arrives: a new prompt.
    tui.store.dispatch({ type: 'prompt-text', text: '127.0.0.1:6390> ' });
    await tick();
    expect(tui.lastFrame()).toContain('127.0.0.1:6390> GET k');
    tui.stdin.write('\r');
    await tick();
    expect(calls).toEqual([
      ['submit', 'SELECT 0'],
      ['submit', 'GET k'],
    ]);
    tui.unmount();
  });
});
