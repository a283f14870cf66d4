/**
 * Live refresh: another client (here a separate ioredis connection, as a
 * second redis-cli or the learner's own program would be) changes the data
 * and the checklist and the panel follow, without the learner typing.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeySnapshot } from '../../src/data-panel/key-snapshot.js';
import { dataFingerprint } from '../../src/tutor/live-refresh.js';
import { startTestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

let tui: HeadlessTutor | undefined;
let other: Redis | undefined;
afterEach(async () => {
  other?.disconnect();
  other = undefined;
  await tui?.close();
  tui = undefined;
});

const state = () => (tui as HeadlessTutor).store.getState();
const snapshot = (key: string): KeySnapshot | undefined => state().panel?.snapshots.find((candidate) => candidate.key === key);
const stringValue = (key: string) => {
  const found = snapshot(key);
  return found?.type === 'string' ? found.value : undefined;
};

async function openWithOtherClient(exercise: string): Promise<Redis> {
  tui = await startHeadlessTutor({ exercise });
  await waitUntil(() => state().promptMode === 'ready' && state().result !== undefined && state().panel !== undefined, 'the exercise open, checked and its panel read');
  const { host, port, username, password, db } = tui.target.spec;
  other = new Redis({ host, port, db, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}), lazyConnect: false });
  return other;
}

describe('live refresh', () => {
  it('a key set by another client solves the exercise and shows in the panel, with nothing typed', async () => {
    const redis = await openWithOtherClient('getting-started/first-key');
    expect(state().result?.passed).toBe(false);
    await redis.set('greeting', 'hello');
    await waitUntil(() => state().result?.passed, 'the checklist solved by the other client');
    await waitUntil(() => stringValue('greeting') === 'hello', 'the panel showing greeting');
    expect(state().solvedNow).toBe(true);
    expect(state().progress.exercises['getting-started/first-key']?.status).toBe('solved');
  });

  it('a change that breaks the answer turns the check red again, and the panel follows', async () => {
    const redis = await openWithOtherClient('getting-started/first-key');
    await tui?.type('SET greeting hello');
    expect(state().result?.passed).toBe(true);
    await redis.set('greeting', 'bye');
    await waitUntil(() => state().result?.passed === false, 'the checklist red again');
    await waitUntil(() => stringValue('greeting') === 'bye', 'the panel showing the new value');
  });

  it('the fingerprint moves with a write and leaves the keyspace hit and miss counters alone (the monitoring lessons read them)', async () => {
    // A server of its own: nothing else reads keys on it meanwhile.
    const server = await startTestServer();
    const redis = new Redis({ host: '127.0.0.1', port: server.port, lazyConnect: false });
    try {
      const counters = async () => (await redis.info('stats')).split('\n').filter((line) => line.startsWith('keyspace_')).join();
      const before = await counters();
      const first = await dataFingerprint(redis);
      expect(await dataFingerprint(redis)).toBe(first);
      expect(await counters()).toBe(before);
      await redis.set('greeting', 'hello');
      expect(await dataFingerprint(redis)).not.toBe(first);
    } finally {
      redis.disconnect();
      await server.stop();
    }
  });

  it(':check reads the panel again too', async () => {
    await openWithOtherClient('getting-started/first-key');
    const before = state().panel;
    await tui?.type(':check');
    await waitUntil(() => state().panel !== before, 'a new panel read after :check');
  });
});
