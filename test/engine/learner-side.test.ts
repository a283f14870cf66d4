/**
 * The course's own Pub/Sub exercises, played as a learner who first gets it
 * wrong: the answer that follows still solves them, without :reset.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExercise } from '../../src/course/find-exercise.js';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';

let fixture: EngineFixture;
let course: Course;
beforeAll(async () => {
  course = (await loadCourse(join(import.meta.dirname, '..', '..', 'exercises'))).course;
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

describe('after a wrong first try', () => {
  it('pubsub/publish: a PUBLISH of the wrong message, then the right one, solves it', async () => {
    const attempt = await fixture.engine.startAttempt(findExercise(course, 'pubsub/publish').exercise);
    await attempt.runLine('PUBLISH chat:general hello');
    expect((await attempt.evaluate()).passed).toBe(false);
    await attempt.runLine('PUBLISH chat:general "Hello, everyone"');
    expect((await attempt.evaluate()).passed).toBe(true);
  });

  it('pubsub/subscribe: a SUBSCRIBE to the wrong channel, then the right one: the tutor publishes again and the message arrives', async () => {
    const attempt = await fixture.engine.startAttempt(findExercise(course, 'pubsub/subscribe').exercise);
    expect((await attempt.runLine('SUBSCRIBE chat:wrong')).events).toHaveLength(1);
    expect((await attempt.evaluate()).passed).toBe(false);
    const right = await attempt.runLine('SUBSCRIBE chat:general');
    expect(right.events).toMatchObject([{ trigger: 'subscribed', lines: ['PUBLISH chat:general "Hi from the tutor"'] }]);
    expect((await attempt.evaluate()).passed).toBe(true);
  });
});
