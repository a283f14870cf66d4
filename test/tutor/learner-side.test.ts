/**
 * The learner's side of the actors, in the tutor with the course's own
 * exercises: the tutor acts again for a new trigger, and waits a visible
 * moment before answering a blocked command.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { execOne } from '../../src/engine/checker-pipeline.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

const COURSE = join(import.meta.dirname, '..', '..', 'exercises');

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

const state = () => (tui as HeadlessTutor).store.getState();

describe("the tutor's other client", () => {
  it('pubsub/subscribe: the wrong channel first, Ctrl-C, then the right one: the tutor publishes again and the message shows', async () => {
    tui = await startHeadlessTutor({ course: COURSE, exercise: 'pubsub/subscribe' });
    await tui.type('SUBSCRIBE chat:wrong');
    expect(tui.lines('actor')[0]).toMatch(/^⇄ The tutor published to chat:general/);
    await tui.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready', 'the prompt after leaving subscribe mode');
    tui.mark();
    await tui.type('SUBSCRIBE chat:general');
    await waitUntil(() => tui?.lines('message').includes('3) "Hi from the tutor"'), "the tutor's message");
    expect(tui.lines('actor')[0]).toMatch(/^⇄ The tutor published to chat:general/);
    await waitUntil(() => state().result?.passed, 'the exercise solved');
  });

  it('queues/brpop-wait: the learner is seen waiting in BRPOP before the tutor pushes, then the reply comes', async () => {
    tui = await startHeadlessTutor({ course: COURSE, exercise: 'queues/brpop-wait' });
    tui.mark();
    void tui.controller.submit('BRPOP queue:emails 30');
    const checker = tui.supervisor.engine.checker;
    await waitUntil(async () => {
      const clients = await execOne(checker, ['CLIENT', 'LIST']);
      return typeof clients === 'string' && / flags=b /.test(clients);
    }, 'the learner blocked in BRPOP');
    // The default delay of a blocked actor: the learner sees the command wait first.
    expect(tui.lines('actor')).toEqual([]);
    expect(await checker.llen('queue:emails')).toBe(0);
    await waitUntil(() => tui?.lines('reply').includes('2) "welcome:42"'), 'the BRPOP reply after the push');
    expect(tui.lines('actor')[0]).toMatch(/^⇄ /);
  });
});
