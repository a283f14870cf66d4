/**
 * In subscribe mode the TUI takes UNSUBSCRIBE and its kinds, as a client
 * library sends them on a subscribed connection (redis-cli 7.0 reads no
 * keyboard there); the last one gone, the prompt is back. Real server.
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
const numsub = async (channel: string) => {
  const reply = await execOne((tui as HeadlessTutor).supervisor.engine.checker, ['PUBSUB', 'NUMSUB', channel]);
  return Array.isArray(reply) ? reply[1] : reply;
};

describe('UNSUBSCRIBE in subscribe mode', () => {
  it('leaves one channel and stays subscribed to the other', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/news' });
    await tui.type('SUBSCRIBE news sports');
    expect(state().promptMode).toBe('subscribed');
    tui.mark();
    await tui.controller.submit('UNSUBSCRIBE sports');
    await waitUntil(() => tui?.lines('message').includes('3) (integer) 1'), 'the confirmation');
    expect(tui.lines('message')).toEqual(['1) "unsubscribe"', '2) "sports"', '3) (integer) 1']);
    expect(await numsub('sports')).toBe(0);
    expect(await numsub('news')).toBe(1);
    // Typed at once: waits for the first to finish, runs, and ends subscribe mode.
    await tui.controller.submit('UNSUBSCRIBE news');
    await waitUntil(() => state().promptMode === 'ready', 'the prompt back');
    expect(await numsub('news')).toBe(0);
  });

  it('UNSUBSCRIBE of every channel brings the prompt back, every confirmation shown', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/news' });
    await tui.type('SUBSCRIBE news sports');
    tui.mark();
    await tui.controller.submit('UNSUBSCRIBE');
    await waitUntil(() => state().promptMode === 'ready', 'the prompt back');
    await waitUntil(() => tui?.lines().filter((line) => line.startsWith('3) (integer)')).length === 2, 'both confirmations');
    expect(tui.lines().filter((line) => line.startsWith('3) (integer)'))).toEqual(['3) (integer) 1', '3) (integer) 0']);
    tui.mark();
    await tui.type('PING');
    expect(tui.lines('reply')).toEqual(['PONG']);
  });

  it('another command in subscribe mode is not sent, and the tutor says what works there', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/news' });
    await tui.type('SUBSCRIBE news');
    tui.mark();
    await tui.controller.submit('GET x');
    expect(tui.lines('tutor')).toEqual([expect.stringContaining('only UNSUBSCRIBE')]);
    expect(state().promptMode).toBe('subscribed');
  });
});
