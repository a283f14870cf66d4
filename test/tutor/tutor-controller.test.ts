/**
 * The controller with a real engine on a real private redis-server, driven
 * as the screens drive it: what each mode of the prompt does, and recovery.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execOne } from '../../src/engine/checker-pipeline.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

const state = () => (tui as HeadlessTutor).store.getState();

describe('TutorController', () => {
  it('solves an exercise from typed lines and saves it as solved', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/first-key' });
    await tui.type('SET greeting hello');
    expect(tui.lines('reply')).toEqual(['OK']);
    expect(state().solvedNow).toBe(true);
    expect(state().progress.exercises['getting-started/first-key']?.status).toBe('solved');
  });

  it('runs lines typed while a command blocks, in order, once it is answered', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    tui.mark();
    void tui.controller.submit('BLPOP nothing 0.3');
    void tui.controller.submit('INCR views:home');
    void tui.controller.submit('INCR views:home');
    await waitUntil(() => tui?.lines('reply').includes('(integer) 2'), 'the second INCR');
    expect(tui.lines('input').map((line) => line.replace(/^\S+> /, ''))).toEqual(['BLPOP nothing 0.3', 'INCR views:home', 'INCR views:home']);
    expect(tui.lines('reply')).toEqual(['(nil)', '(integer) 1', '(integer) 2']);
  });

  it('Ctrl-C wakes a command that would block forever and the prompt comes back', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/page-views' });
    tui.mark();
    void tui.controller.submit('BLPOP nothing 0');
    // Blocked on the server: the learner's connection shows up with flags=b.
    const checker = tui.supervisor.engine.checker;
    await waitUntil(async () => {
      const clients = await execOne(checker, ['CLIENT', 'LIST']);
      return typeof clients === 'string' && / flags=b /.test(clients);
    }, 'the learner blocked in BLPOP');
    await tui.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after Ctrl-C');
    expect(tui.lines('tutor')).toEqual(['(interrupted)']);
    await tui.type('PING');
    expect(tui.lines('reply')).toEqual(['PONG']);
  });

  it('subscribe mode: the actor publishes, Ctrl-C leaves it quietly and the prompt works again', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/news' });
    tui.mark();
    await tui.type('SUBSCRIBE news');
    expect(state().promptMode).toBe('subscribed');
    await waitUntil(() => tui?.lines('message').includes('3) "Redis 7.2 released"'), 'the published message');
    await waitUntil(() => state().result?.passed, 'the subscribed check');
    await tui.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after leaving subscribe mode');
    expect(tui.lines('tutor')).toContain('Left subscribe mode.');
    tui.mark();
    await tui.type('PING');
    // A PONG, not the ["pong", ""] of subscribe mode, and none of the way out's confirmations.
    expect(tui.lines()).toEqual([expect.stringMatching(/> PING$/), 'PONG']);
  });

  it('the server dies: it is restarted, the exercise starts again, the solved progress is kept', async () => {
    tui = await startHeadlessTutor({ exercise: 'getting-started/first-key' });
    await tui.type('SET greeting hello');
    const control = tui.target.control;
    if (!control.restartable) throw new Error('the private server must be restartable');
    const before = control.pid;
    control.kill();
    await waitUntil(() => state().notice?.text.startsWith('Redis is back'), 'the server back', 30_000);
    expect(control.pid).not.toBe(before);
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after recovery');
    expect(state().progress.exercises['getting-started/first-key']?.status).toBe('solved');
    tui.mark();
    await tui.type('GET greeting');
    expect(tui.lines('reply')).toEqual(['(nil)']);
  });
});
