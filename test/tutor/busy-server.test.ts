/**
 * A script that keeps the server busy never freezes the tutor: Ctrl-C kills
 * it with SCRIPT KILL (or FUNCTION KILL), and a script that has already
 * written (UNKILLABLE) is ended by restarting the private server, once the
 * learner says yes. Real redis-server, real controller.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execOne } from '../../src/engine/checker-pipeline.js';
import { isErrorValue } from '../../src/engine/value.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

const state = () => (tui as HeadlessTutor).store.getState();

/** The script runs past lua-time-limit once other clients get BUSY (before that their commands wait their turn). */
async function scriptHoldsTheServer(): Promise<void> {
  const checker = (tui as HeadlessTutor).supervisor.engine.checker;
  await waitUntil(async () => {
    const reply = await execOne(checker, ['PING']);
    return isErrorValue(reply) && reply.message.startsWith('BUSY');
  }, 'the server answering BUSY');
}

describe('a busy server in the TUI', { timeout: 60_000 }, () => {
  it('Ctrl-C during an endless Lua script kills it and the prompt works again', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    tui.mark();
    void tui.controller.submit('EVAL "while true do end" 0');
    await scriptHoldsTheServer();
    await tui.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after Ctrl-C', 30_000);
    expect(tui.lines('reply').join('\n')).toMatch(/Script killed by user with SCRIPT KILL/);
    expect(tui.lines('tutor')).toContain('Stopped the script with SCRIPT KILL.');
    tui.mark();
    await tui.type('PING');
    expect(tui.lines('reply')).toEqual(['PONG']);
  });

  it('Ctrl-C during a script that already wrote asks to restart the private server; yes brings it back', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    const control = tui.target.control;
    if (!control.restartable) throw new Error('the private server must be restartable');
    const before = control.pid;
    tui.mark();
    void tui.controller.submit(`EVAL "redis.call('SET', 'written', '1') while true do end" 0`);
    await scriptHoldsTheServer();
    await tui.controller.interrupt();
    await waitUntil(() => state().confirm === 'restart-server', 'the question to restart', 30_000);
    await tui.controller.answer(true);
    await waitUntil(() => state().notice?.text.startsWith('Redis is back'), 'the server back', 30_000);
    expect(control.pid).not.toBe(before);
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after the restart');
    tui.mark();
    await tui.type('PING');
    expect(tui.lines('reply')).toEqual(['PONG']);
  });

  it('no to the restart keeps the script running and Ctrl-C asks again', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    void tui.controller.submit(`EVAL "redis.call('SET', 'written', '1') while true do end" 0`);
    await scriptHoldsTheServer();
    await tui.controller.interrupt();
    await waitUntil(() => state().confirm === 'restart-server', 'the question to restart', 30_000);
    await tui.controller.answer(false);
    expect(state().promptMode).toBe('busy');
    await tui.controller.interrupt();
    await waitUntil(() => state().confirm === 'restart-server', 'the question again', 30_000);
    await tui.controller.answer(true);
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after the restart', 30_000);
  });
});
