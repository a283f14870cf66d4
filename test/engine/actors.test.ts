import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttemptEvent } from '../../src/engine/attempt-events.js';
import type { ExerciseResult } from '../../src/results/check-result.js';
import { buildTestExercise, named } from './support/build-exercise.js';
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
    // A new block is a new trigger: the actor pushes again, once.
    const again = await attempt.runLine('BRPOP queue:emails 5');
    expect(again.reply).toMatchObject({ type: 'array', items: [{ value: Buffer.from('queue:emails') }, { value: Buffer.from('welcome:42') }] });
    expect(again.events).toHaveLength(1);
    expect(events).toHaveLength(2);
    expect(await fixture.engine.checker.llen('queue:emails')).toBe(0);
  });

  it('blocked on the wrong key: the actor acts once for that block, and again for the next block on the right key', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'done', exists: true }],
      actors: [{ when: { on: 'blocked' }, run: ['LPUSH queue:emails welcome:42'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    const wrong = await attempt.runLine('BRPOP queue:wrong 1');
    expect(wrong.reply).toEqual({ type: 'nil' });
    expect(wrong.events).toHaveLength(1);
    // What the actor pushed while the learner waited elsewhere goes, so the next BRPOP blocks again.
    expect((await attempt.runLine('DEL queue:emails')).events).toEqual([]);
    const right = await attempt.runLine('BRPOP queue:emails 5');
    expect(right.events).toHaveLength(1);
    expect(right.reply).toMatchObject({ type: 'array' });
  });

  it('subscribed: a SUBSCRIBE to the wrong channel first, then the right one: the tutor publishes again and the message reaches the learner', async () => {
    const exercise = buildTestExercise({
      checks: [
        { kind: 'subscribed', channels: ['chat:general'], patterns: [] },
        { kind: 'received', channel: 'chat:general', count: { gte: 1 }, printed: false },
      ],
      actors: [{ when: { on: 'subscribed' }, run: ['PUBLISH chat:general hi'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    expect((await attempt.runLine('SUBSCRIBE chat:wrong')).events).toMatchObject([{ trigger: 'subscribed', replies: ['0'] }]);
    expect((await attempt.evaluate()).passed).toBe(false);
    expect((await attempt.runLine('SUBSCRIBE chat:general')).events).toMatchObject([{ trigger: 'subscribed', replies: ['1'] }]);
    expect((await attempt.evaluate()).passed).toBe(true);
    expect(attempt.events).toHaveLength(2);
  });

  it('after: acts again each time the command is answered, once per command', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'counter', value: 2 }],
      actors: [{ when: { on: 'after', command: 'PING' }, run: ['INCR counter'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    await attempt.runLine('PING');
    await attempt.runLine('PING');
    expect(attempt.events.map((event) => event.replies)).toEqual([['1'], ['2']]);
    expect((await attempt.evaluate()).passed).toBe(true);
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

describe('actors: !restart', () => {
  const failing = (result: ExerciseResult) => result.checks.filter((check) => !check.passed);
  const anyKey = buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: true }] });

  it('crashes and restarts the server: the SAVEd key is back, the later write is lost, and everything works after it', async () => {
    const exercise = buildTestExercise({
      checks: [
        { kind: 'command', command: 'INFO persistence', expect: { matches: 'rdb_last_load_keys_loaded:1\\b' } },
        { kind: 'key', key: 'cart:user:42', hash: { 'sku-1001': '2' } },
        { kind: 'key', key: 'promo:banner', exists: false },
        { kind: 'key', key: 'after:restart', value: 'yes' },
        { kind: 'published', channel: 'news', count: 1 },
        { kind: 'used', commands: [named('HGETALL')] },
      ],
      actors: [{ when: { on: 'after', command: 'SAVE' }, run: ['SET promo:banner spring-sale', '!restart', 'SET after:restart yes'] }],
    });
    const before = { pid: fixture.target.pid, dir: fixture.target.dir };
    const attempt = await fixture.engine.startAttempt(exercise);
    // The tutor's subscriber (for the published check) must come back too.
    await attempt.runLine('HSET cart:user:42 sku-1001 2');
    const save = await attempt.runLine('SAVE');
    expect(save.reply).toEqual({ type: 'status', value: Buffer.from('OK') });
    expect(save.events).toMatchObject([
      { trigger: 'after SAVE', lines: ['SET promo:banner spring-sale', '!restart', 'SET after:restart yes'], replies: ['OK', 'restarted, 1 key(s) loaded', 'OK'] },
    ]);
    expect(fixture.target.pid).not.toBe(before.pid);
    expect(fixture.target.dir).toBe(before.dir);

    // The learner's next line goes through at once, on a new connection.
    expect((await attempt.runLine('HGETALL cart:user:42')).reply).toEqual({
      type: 'array',
      items: [
        { type: 'bulk', value: Buffer.from('sku-1001') },
        { type: 'bulk', value: Buffer.from('2') },
      ],
    });
    expect((await attempt.runLine('CLIENT GETNAME')).reply).toEqual({ type: 'bulk', value: Buffer.from('redis-tutor:learner') });
    expect((await attempt.runLine('PUBLISH news hello')).reply).toEqual({ type: 'integer', value: 1n });
    expect(failing(await attempt.evaluate())).toEqual([]);
    // The checker is logged in as the tutor's own user again.
    expect(await fixture.engine.checker.call('ACL', 'WHOAMI')).toMatch(/^redis-tutor-checker-/);
  });

  it('the next attempt starts on a fresh, empty server with nothing to load, and the reset leaves nothing behind', async () => {
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'k', exists: true }],
      actors: [{ when: { on: 'after', command: 'SAVE' }, run: ['!restart'] }],
    });
    const first = await fixture.engine.startAttempt(exercise);
    await first.runLine('SET k v');
    expect((await first.runLine('SAVE')).events).toMatchObject([{ replies: ['restarted, 1 key(s) loaded'] }]);
    const restartedDir = fixture.target.dir;

    const next = await fixture.engine.startAttempt(anyKey);
    expect(fixture.engine.lastResetReport?.restartedServer).toBe(true);
    expect(fixture.target.dir).not.toBe(restartedDir);
    expect(fixture.target.hasPersistenceFiles()).toBe(false);
    const { checker } = fixture.engine;
    expect(await checker.dbsize()).toBe(0);
    expect(await checker.info('persistence')).toMatch(/^rdb_last_load_keys_loaded:0\r?$/m);
    expect(await fixture.engine.leftovers()).toEqual([]);
    expect((await next.runLine('SET k v')).reply).toEqual({ type: 'status', value: Buffer.from('OK') });
    expect(failing(await next.evaluate())).toEqual([]);
    // With nothing on disk, the next reset is the ordinary one: no restart.
    await fixture.engine.startAttempt(anyKey);
    expect(fixture.engine.lastResetReport?.restartedServer).toBeUndefined();
  });

  it('a dump.rdb an earlier attempt saved does not come back in a later restart', async () => {
    const saving = await fixture.engine.startAttempt(anyKey);
    await saving.runLine('SET earlier 1');
    await saving.runLine('SAVE');
    const exercise = buildTestExercise({
      checks: [{ kind: 'key', key: 'earlier', exists: false }],
      actors: [{ when: { on: 'after', command: 'PING' }, run: ['!restart'] }],
    });
    const attempt = await fixture.engine.startAttempt(exercise);
    expect((await attempt.runLine('PING')).events).toMatchObject([{ replies: ['restarted, 0 key(s) loaded'] }]);
    expect(failing(await attempt.evaluate())).toEqual([]);
  });
});
