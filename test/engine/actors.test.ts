import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptEvent } from '../../src/engine/attempt-events.js';
import { buildTestExercise } from './support/build-exercise.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

describe('actors', () => {
  it('blocked: pushes while the learner waits in BRPOP, once', async () => {
    const events: AttemptEvent[] = [];
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'done', exists: true }],
      actors: [{ when: { on: 'blocked' }, run: ['LPUSH queue:emails welcome:42'], say: 'pushed' }],
    });
    const attempt = await fixture.engine.startAttempt(exercise, { onEvent: (event) => events.push(event) });
    const outcome = await attempt.runLine('BRPOP queue:emails 5');
    expect(outcome.reply).toEqual({
      type: 'array',
      items: [
        { type: 'bulk', value: Buffer.from('queue:emails') },
        { type: 'bulk', value: Buffer.from('welcome:42') },
      ],
    });
    expect(outcome.events).toMatchObject([{ type: 'actor', trigger: 'blocked', say: { en: 'pushed' }, lines: ['LPUSH queue:emails welcome:42'], replies: ['1'] }]);
    expect(events).toHaveLength(1);
    // Each actor acts once per attempt: the second BRPOP times out.
    expect((await attempt.runLine('BRPOP queue:emails 1')).reply).toEqual({ type: 'nil' });
  });

  it('blocked: does not fire for a command that does not block', async () => {
    const exercise = buildTestExercise({ checks: [{ kind: 'key', key: 'x', exists: true }], actors: [{ when: { on: 'blocked' }, run: ['SET fired 1'] }] });
    const attempt = await fixture.engine.startAttempt(exercise);
    await attempt.runLine('LPUSH q a');
    expect((await attempt.runLine('BRPOP q 1')).events).toEqual([]);
    expect(await fixture.engine.checker.exists('fired')).toBe(0);
  });

  it('subscribed: publishes after the learner subscribed', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'subscribed', channels: ['news'], patterns: [] }],
      actors: [{ when: { on: 'subscribed' }, run: ['PUBLISH news "Redis 7.2 released"'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    const outcome = await attempt.runLine('SUBSCRIBE news');
    expect(outcome.events).toMatchObject([{ trigger: 'subscribed', replies: ['1'] }]);
    expect((await attempt.evaluate()).passed).toBe(true);
  });

  it('after: acts right after the named command, not before', async () => {
    const exercise = buildTestExercise({
      setup: ['SET stock 1'],
      checks: [{ kind: 'key', key: 'stock', value: 1 }],
      actors: [{ when: { on: 'after', command: 'MULTI' }, run: ['SET stock 0'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    expect((await attempt.runLine('WATCH stock')).events).toEqual([]);
    expect((await attempt.runLine('MULTI')).events).toMatchObject([{ trigger: 'after MULTI', lines: ['SET stock 0'], replies: ['OK'] }]);
    await attempt.runLine('DECR stock');
    // The WATCHed key changed under the learner: EXEC aborts.
    expect((await attempt.runLine('EXEC')).reply).toEqual({ type: 'nil' });
  });
});
