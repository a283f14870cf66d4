import { afterEach, describe, expect, it } from 'vitest';
import { resetHintAfter } from '../../src/tutor/reset-hint.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

const withSetup = { setupLines: [{ text: 'SET k v', line: 1 }] } as unknown as Parameters<typeof resetHintAfter>[2];
const noSetup = { setupLines: [] } as unknown as Parameters<typeof resetHintAfter>[2];

describe('resetHintAfter', () => {
  it.each([
    ['flushall', true, withSetup, 'setup-flushed'],
    ['flushdb', true, withSetup, 'setup-flushed'],
    ['flushall', false, withSetup, undefined],
    ['flushall', true, noSetup, undefined],
    ['reset', true, noSetup, 'redis-reset'],
    ['reset', false, noSetup, undefined],
    ['set', true, withSetup, undefined],
  ] as const)('%s (succeeded: %s) → %s', (command, succeeded, exercise, hint) => {
    expect(resetHintAfter(command, succeeded, exercise)).toBe(hint);
  });
});

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

describe('after FLUSHALL in the TUI', () => {
  it('says how to get the setup back, and :reset brings it back', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/lock' });
    tui.mark();
    await tui.type('FLUSHALL');
    expect(tui.lines('tutor')).toEqual(['The exercise’s prepared data went too. :reset brings it back.']);
    await tui.type('GET lock:report');
    expect(tui.lines('reply')).toEqual(['OK', '(nil)']);
    await tui.type(':reset');
    tui.mark();
    await tui.type('GET lock:report');
    expect(tui.lines('reply')).toEqual(['"token-1"']);
  });

  it('RESET goes to Redis and the tutor says which reset it has', async () => {
    tui = await startHeadlessTutor({ exercise: 'pubsub/lock' });
    tui.mark();
    await tui.type('RESET');
    expect(tui.lines('reply')).toEqual(['RESET']);
    expect(tui.lines('tutor')).toEqual([expect.stringContaining(':reset')]);
  });
});
