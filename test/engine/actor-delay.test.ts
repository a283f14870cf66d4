/**
 * An actor's delay: on the learner's screen (a paced attempt) the tutor waits
 * a moment before acting, so the learner sees the command wait; grading and
 * validate act at once. Waits are for server states, never for time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActorSchema, parseActorDelay } from '../../src/course/schema/actors.js';
import { execOne } from '../../src/engine/checker-pipeline.js';
import { waitUntil } from '../support/wait-until.js';
import { buildTestExercise } from './support/build-exercise.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

const learnerBlocked = async () => {
  const id = fixture.engine.learner.clientId;
  const line = await execOne(fixture.engine.checker, ['CLIENT', 'LIST', 'ID', String(id)]);
  return typeof line === 'string' && / flags=b /.test(line);
};

describe('actor delay', () => {
  it('the YAML field: 1.5s, 300ms and 0; other words and more than 10s are refused', () => {
    expect(parseActorDelay('1.5s')).toBe(1500);
    expect(parseActorDelay('300ms')).toBe(300);
    expect(parseActorDelay(0)).toBe(0);
    expect(parseActorDelay('2 sec')).toBeUndefined();
    const actor = (delay: unknown) => ActorSchema.safeParse({ when: 'blocked', run: 'LPUSH q a', say: { en: 'pushed', ru: 'добавил' }, delay }).success;
    expect(actor('1.5s')).toBe(true);
    expect(actor('2 sec')).toBe(false);
    expect(actor('11s')).toBe(false);
    expect(actor(3)).toBe(false);
  });

  it('paced: the learner is seen waiting in BRPOP before the actor pushes', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'done', exists: true }],
      actors: [{ when: { on: 'blocked' }, run: ['LPUSH jobs j1'], delayMs: 2000 }],
    });
    const events: unknown[] = [];
    const attempt = await fixture.engine.startAttempt(exercise, { paced: true, onEvent: (event) => events.push(event) });
    const line = attempt.runLine('BRPOP jobs 10');
    await waitUntil(learnerBlocked, 'the learner blocked in BRPOP');
    expect(events).toEqual([]);
    expect(await fixture.engine.checker.llen('jobs')).toBe(0);
    const outcome = await line;
    expect(outcome.events).toMatchObject([{ trigger: 'blocked', replies: ['1'] }]);
    expect(outcome.reply).toMatchObject({ type: 'array' });
  });

  it('paced: a block that ends during the delay (a timeout) gets no act', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'done', exists: true }],
      actors: [{ when: { on: 'blocked' }, run: ['LPUSH jobs j1'], delayMs: 1500 }],
    });
    const attempt = await fixture.engine.startAttempt(exercise, { paced: true });
    const outcome = await attempt.runLine('BRPOP jobs 0.2');
    expect(outcome.reply).toEqual({ type: 'nil' });
    await attempt.actors.idle();
    expect(outcome.events).toEqual([]);
    expect(attempt.events).toEqual([]);
    expect(await fixture.engine.checker.llen('jobs')).toBe(0);
  });

  it('paced: the default for blocked is the visible moment; without pacing (grading) the actor acts at once', async () => {
    const exercise = buildTestExercise({ checks: [{ kind: 'key', key: 'done', exists: true }], actors: [{ when: { on: 'blocked' }, run: ['LPUSH jobs j1'] }] });
    const paced = await fixture.engine.startAttempt(exercise, { paced: true });
    expect(paced.actors.delayOf(exercise.actors[0]!)).toBe(1000);
    expect((await paced.runLine('BRPOP jobs 10')).events).toHaveLength(1);
    const graded = await fixture.engine.startAttempt(exercise);
    expect(graded.actors.delayOf(exercise.actors[0]!)).toBe(0);
  });
});
