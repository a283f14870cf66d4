/**
 * Solved is progress and stays, but the checklist's title says ✓ Solved only
 * while every check passes: after leaving subscribe mode the subscribed check
 * turns red and the title says "solved earlier" over the live count.
 */
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { solvedState } from '../../src/tutor/state/solved-state.js';
import { texts } from '../../src/tutor/texts.js';
import { checklistLines } from '../../src/ui/components/checklist-lines.js';
import { waitUntil } from '../support/wait-until.js';
import { startHeadlessTutor, type HeadlessTutor } from './support/headless-tutor.js';

const COURSE = join(import.meta.dirname, '..', '..', 'exercises');

let tui: HeadlessTutor | undefined;
afterEach(async () => {
  await tui?.close();
  tui = undefined;
});

const state = () => (tui as HeadlessTutor).store.getState();
const title = () =>
  checklistLines({
    result: state().result,
    solvedNow: state().solvedNow,
    isLast: false,
    language: 'en',
    lastCheckMs: undefined,
    width: 100,
    chalk: new Chalk({ level: 0 }),
    t: texts('en'),
  })[0];

describe('solved, then a check turns red', () => {
  it('pubsub/subscribe: ✓ Solved while subscribed; after Ctrl-C the title says solved earlier, the progress keeps it', async () => {
    tui = await startHeadlessTutor({ course: COURSE, exercise: 'pubsub/subscribe' });
    await tui.type('SUBSCRIBE chat:general');
    await waitUntil(() => state().result?.passed, 'both checks green');
    expect(solvedState(state())).toBe('solved');
    expect(title()).toMatch(/^✓ Solved!/);

    await tui.controller.interrupt();
    await waitUntil(() => state().promptMode === 'ready' && state().result?.passed === false, 'the subscribed check red after leaving subscribe mode');
    expect(solvedState(state())).toBe('solved-earlier');
    expect(title()).not.toContain('✓ Solved');
    expect(title()).toBe('Checks 1/2  solved earlier · Enter: next exercise');
    expect(state().progress.exercises['pubsub/subscribe']?.status).toBe('solved');
  });
});
