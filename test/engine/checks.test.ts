import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BilingualText, CheckResult } from '../../src/results/check-result.js';
import type { CommandPattern } from '../../src/course/schema.js';
import { buildTestExercise, named, type CheckInput, type ExerciseInput } from './support/build-exercise.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';
import { waitUntil } from '../support/wait-until.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

/** Starts a clean attempt, runs the learner's lines, evaluates: the one check's result. */
async function checkAfter(lines: string[], check: ExerciseInput['checks'][number], setup: string[] = []): Promise<CheckResult> {
  const attempt = await fixture.engine.startAttempt(buildTestExercise({ checks: [check], setup }));
  for (const line of lines) {
    const outcome = await attempt.runLine(line);
    expect(outcome.problem, line).toBeUndefined();
  }
  const result = await attempt.evaluate();
  expect(result.checks).toHaveLength(1);
  return result.checks[0] as CheckResult;
}

describe('command check', () => {
  it('passes when the reply meets the expectation', async () => {
    expect(await checkAfter(['INCR views', 'INCR views'], { kind: 'command', command: 'GET views', expect: { equals: 2 } })).toMatchObject({ passed: true });
  });
  it('fails with expected and found', async () => {
    expect(await checkAfter(['INCR views'], { kind: 'command', command: 'GET views', expect: { equals: 2 } })).toMatchObject({
      passed: false,
      expected: { en: '2', ru: '2' },
      found: { en: '"1"', ru: '"1"' },
    });
  });
  it('goes into a reply with path', async () => {
    const check = { kind: 'command', command: 'XINFO GROUPS orders', expect: { path: [0, 'pending'], equals: 1 } } satisfies CheckInput;
    const setup = ['XGROUP CREATE orders g $ MKSTREAM', 'XADD orders * item 1'];
    expect(await checkAfter(['XREADGROUP GROUP g c1 COUNT 1 STREAMS orders >'], check, setup)).toMatchObject({ passed: true });
    expect(await checkAfter([], check, setup)).toMatchObject({
      passed: false,
      expected: { en: 'at [0].pending: 1', ru: 'в [0].pending: 1' },
      found: { en: '0', ru: '0' },
    });
  });
});

describe('command check as another user', () => {
  const createReader = 'ACL SETUSER reader on >s3cret ~* +get';
  it('passes when the user is refused as expected', async () => {
    const check = { kind: 'command', command: 'SET x 1', as: { user: 'reader', password: 's3cret' }, expect: { error: '^NOPERM' } } satisfies CheckInput;
    expect(await checkAfter([createReader], check)).toMatchObject({ passed: true });
  });
  it('fails with the server message when AUTH fails', async () => {
    const check = { kind: 'command', command: 'GET x', as: { user: 'reader', password: 'wrong' }, expect: { ok: true } } satisfies CheckInput;
    const result = await checkAfter([createReader], check);
    expect(result.passed).toBe(false);
    expect(result.expected).toEqual({ en: 'AUTH as reader to succeed', ru: 'успешный AUTH от имени reader' });
    expect(result.found?.en).toMatch(/^\(error\) WRONGPASS/);
    expect(result.found?.ru).toBe(result.found?.en);
  });
  it('authenticates with requirepass when no user is given', async () => {
    const check = { kind: 'command', command: 'PING', as: { password: 'letmein' }, expect: { equals: 'PONG' } } satisfies CheckInput;
    expect(await checkAfter(['CONFIG SET requirepass letmein'], check)).toMatchObject({ passed: true });
    expect(await checkAfter([], check)).toMatchObject({ passed: false });
  });
});

describe('key check shorthands', () => {
  const cases: Array<[string, string[], Record<string, unknown>, Record<string, unknown>]> = [
    ['exists', ['SET k v'], { exists: true }, { exists: false }],
    ['type', ['HSET k f v'], { type: 'hash' }, { type: 'list' }],
    ['value', ['SET k 3'], { value: 3 }, { value: '4' }],
    ['ttl none', ['SET k v'], { ttl: 'none' }, { ttl: { gte: 1 } }],
    ['ttl range', ['SET k v EX 60'], { ttl: { between: [50, 60] } }, { ttl: 'none' }],
    ['length of a list', ['RPUSH k a b c'], { length: 3 }, { length: { gt: 3 } }],
    ['length of a string', ['SET k hello'], { length: 5 }, { length: 4 }],
    ['list', ['RPUSH k a b'], { list: ['a', 'b'] }, { list: ['b', 'a'] }],
    ['set', ['SADD k a b c'], { set: ['c', 'a', 'b'] }, { set: ['a', 'b'] }],
    ['zset', ['ZADD k 50 alice 20 bob'], { zset: [['bob', 20], ['alice', 50]] }, { zset: [['alice', 50], ['bob', 20]] }],
    ['hash', ['HSET k apple 2 pear 1'], { hash: { apple: '2', pear: 1 } }, { hash: { apple: '2' } }],
    ['fields', ['HSET k apple 2 pear 1'], { fields: { apple: 2 } }, { fields: { plum: 1 } }],
    ['stream length', ['XADD k * a 1', 'XADD k * b 2'], { stream: { length: 2 } }, { stream: { length: { gte: 3 } } }],
    ['stream entries', ['XADD k * a 1', 'XADD k * b 2'], { stream: { entries: [{ a: '1' }, { b: 2 }] } }, { stream: { entries: [{ b: 2 }, { a: 1 }] } }],
    ['several shorthands', ['RPUSH k a'], { type: 'list', length: 1, ttl: 'none' }, { type: 'list', length: 1, ttl: { gte: 1 } }],
  ];
  it.each(cases)('%s passes', async (_name, lines, passing) => {
    expect(await checkAfter(lines, { kind: 'key', key: 'k', ...passing })).toMatchObject({ passed: true });
  });
  it.each(cases)('%s fails', async (_name, lines, _passing, failing) => {
    const result = await checkAfter(lines, { kind: 'key', key: 'k', ...failing });
    expect(result.passed).toBe(false);
    expect(result.expected).toBeTruthy();
    expect(result.found).toBeTruthy();
  });
  it('says when the key is missing or of another type', async () => {
    expect(await checkAfter([], { kind: 'key', key: 'k', value: 'x' })).toMatchObject({ found: { en: 'the key does not exist', ru: 'ключ не существует' } });
    expect(await checkAfter(['RPUSH k a'], { kind: 'key', key: 'k', value: 'x' })).toMatchObject({ found: { en: 'the key is a list', ru: 'ключ имеет тип list' } });
  });
  it('words TTLs and lengths in both languages', async () => {
    expect(await checkAfter(['SET k v'], { kind: 'key', key: 'k', ttl: { between: [50, 60] } })).toMatchObject({
      expected: { en: 'TTL between 50 and 60 s', ru: 'TTL от 50 до 60 с' },
      found: { en: 'no expiry', ru: 'без срока жизни' },
    });
    expect(await checkAfter(['RPUSH k a'], { kind: 'key', key: 'k', length: { gt: 3 } })).toMatchObject({
      expected: { en: 'length > 3', ru: 'длина > 3' },
      found: { en: 'length 1', ru: 'длина 1' },
    });
  });
});

describe('lua check', () => {
  const lua = {
    kind: 'lua',
    script: "for _, k in ipairs(redis.call('KEYS', ARGV[1])) do if redis.call('TTL', k) < 0 then return k .. ' has no TTL' end end return 1",
    keys: [],
    args: ['session:*'],
  } satisfies CheckInput;
  it('passes when the script returns 1', async () => {
    expect(await checkAfter(['SET session:1 a EX 100'], lua)).toMatchObject({ passed: true });
  });
  it('fails with the returned string', async () => {
    expect(await checkAfter(['SET session:1 a EX 100', 'SET session:2 b'], lua)).toMatchObject({
      passed: false,
      expected: { en: 'the script returns 1', ru: 'скрипт возвращает 1' },
      // The script's own message is the author's: the same in both languages.
      found: { en: 'session:2 has no TTL', ru: 'session:2 has no TTL' },
    });
  });
});

describe('used and notUsed', () => {
  it('used passes when one of the commands was used', async () => {
    expect(await checkAfter(['incrby views 2'], { kind: 'used', commands: [named('INCR'), named('INCRBY')] })).toMatchObject({ passed: true });
  });
  it('used fails when none was', async () => {
    expect(await checkAfter(['SET views 2'], { kind: 'used', commands: [named('INCR')] })).toMatchObject({
      passed: false,
      expected: { en: 'you use INCR', ru: 'команда INCR' },
      found: { en: 'INCR not used', ru: 'команда INCR не использовалась' },
    });
  });
  it('used matches subcommands and ignores failed commands', async () => {
    expect(await checkAfter(['CONFIG GET maxmemory'], { kind: 'used', commands: [named('CONFIG SET')] })).toMatchObject({ passed: false });
    expect(await checkAfter(['CONFIG SET maxmemory-policy allkeys-lru'], { kind: 'used', commands: [named('CONFIG SET')] })).toMatchObject({ passed: true });
  });
  it('notUsed passes and fails, naming the command', async () => {
    expect(await checkAfter(['INCR views'], { kind: 'notUsed', commands: [named('SET')] })).toMatchObject({ passed: true });
    expect(await checkAfter(['SET views 1'], { kind: 'notUsed', commands: [named('SET')] })).toMatchObject({ passed: false, found: { en: 'you ran SET views 1', ru: 'вы выполнили SET views 1' } });
  });
});

describe('used with arguments', () => {
  const setNx = named('SET', { with: ['NX'] });
  const setNxEx = named('SET', { with: ['NX', 'EX'] });
  const negativeIndex = named('LRANGE', { withMatching: ['^-\\d+$'] });

  it.each<[string, string[], CommandPattern[]]>([
    ['both options', ['SET lock:report worker-7 NX EX 30'], [setNxEx]],
    ['options in any order', ['SET lock:report worker-7 EX 30 NX'], [setNxEx]],
    ['options in any case', ['set lock:report worker-7 nx ex 30'], [setNxEx]],
    ['a reply of nil still counts (NX on an existing key)', ['SET lock:report a', 'SET lock:report b NX'], [setNx]],
    ['one of several runs of the command', ['SET lock:report a', 'SET lock:report b NX EX 30', 'GET lock:report'], [setNxEx]],
    ['another item of the list', ['SETNX lock:report a'], [named('SETNX'), setNx]],
    ['ZRANGE … REV', ['ZADD board 1 a 2 b', 'ZRANGE board 0 0 REV'], [named('ZRANGE', { with: ['REV'] })]],
    ['XADD … MAXLEN with ~', ['XADD events MAXLEN ~ 1000 * type click'], [named('XADD', { with: ['MAXLEN', '~'] })]],
    ['a number written in the YAML (-1)', ['RPUSH l a b c', 'LRANGE l 0 -1'], [named('LRANGE', { with: ['-1'] })]],
    ['a pattern on one argument', ['RPUSH l a b c', 'LRANGE l -2 -1'], [negativeIndex]],
    ['with and withMatching together', ['RPUSH l a b c', 'LRANGE l 0 -1'], [named('LRANGE', { with: ['0'], withMatching: ['^-\\d+$'] })]],
    ['arguments after a subcommand', ['CONFIG SET maxmemory-policy allkeys-lru'], [named('CONFIG SET', { with: ['ALLKEYS-LRU'] })]],
  ])('passes: %s', async (_name, lines, commands) => {
    expect(await checkAfter(lines, { kind: 'used', commands })).toMatchObject({ passed: true });
  });

  it.each<[string, string[], CommandPattern[], { expected: BilingualText; found: BilingualText }]>([
    ['an option missing', ['SET lock:report worker-7 EX 30'], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'you ran SET lock:report worker-7 EX 30 (no NX)', ru: 'вы выполнили SET lock:report worker-7 EX 30 (нет NX)' } }],
    ['two options missing', ['SET lock:report worker-7'], [setNxEx], { expected: { en: 'you use SET … NX EX', ru: 'команда SET … NX EX' }, found: { en: 'you ran SET lock:report worker-7 (no NX, no EX)', ru: 'вы выполнили SET lock:report worker-7 (нет NX, нет EX)' } }],
    ['only a whole argument counts', ['SET lock:report NXworker'], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'you ran SET lock:report NXworker (no NX)', ru: 'вы выполнили SET lock:report NXworker (нет NX)' } }],
    ['the latest run is shown', ['SET lock:report a', 'SET lock:report b EX 30'], [setNxEx], { expected: { en: 'you use SET … NX EX', ru: 'команда SET … NX EX' }, found: { en: 'you ran SET lock:report b EX 30 (no NX)', ru: 'вы выполнили SET lock:report b EX 30 (нет NX)' } }],
    ['quoted as typed', ['SET greeting "hello world" EX 30'], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'you ran SET greeting "hello world" EX 30 (no NX)', ru: 'вы выполнили SET greeting "hello world" EX 30 (нет NX)' } }],
    ['the command not used at all', ['GET lock:report'], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'SET not used', ru: 'команда SET не использовалась' } }],
    ['nothing run', [], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'no commands yet', ru: 'команд пока не было' } }],
    ['a failed command is not recorded', ['SET lock:report a NX XX'], [setNx], { expected: { en: 'you use SET … NX', ru: 'команда SET … NX' }, found: { en: 'no commands yet', ru: 'команд пока не было' } }],
    ['the option is the subcommand, not an argument', ['CONFIG GET maxmemory'], [named('CONFIG', { with: ['SET'] })], { expected: { en: 'you use CONFIG … SET', ru: 'команда CONFIG … SET' }, found: { en: 'you ran CONFIG GET maxmemory (no SET)', ru: 'вы выполнили CONFIG GET maxmemory (нет SET)' } }],
    [
      'a pattern no argument matches',
      ['RPUSH l a b c', 'LRANGE l 0 2'],
      [negativeIndex],
      { expected: { en: 'you use LRANGE with an argument matching ^-\\d+$', ru: 'команда LRANGE с аргументом, подходящим под ^-\\d+$' }, found: { en: 'you ran LRANGE l 0 2 (no argument matching ^-\\d+$)', ru: 'вы выполнили LRANGE l 0 2 (нет аргумента, подходящего под ^-\\d+$)' } },
    ],
    [
      'the closest item of the list is reported',
      ['SET lock:report a EX 30'],
      [named('SETNX'), setNxEx],
      { expected: { en: 'you use SETNX or SET … NX EX', ru: 'команда SETNX или SET … NX EX' }, found: { en: 'you ran SET lock:report a EX 30 (no NX)', ru: 'вы выполнили SET lock:report a EX 30 (нет NX)' } },
    ],
  ])('fails: %s', async (_name, lines, commands, message) => {
    expect(await checkAfter(lines, { kind: 'used', commands })).toMatchObject({ passed: false, ...message });
  });
});

describe('notUsed with arguments', () => {
  const setKeepTtl = named('SET', { with: ['KEEPTTL'] });

  it.each<[string, string[], boolean]>([
    ['the command without the option', ['SET session:1 a EX 60'], true],
    ['another command', ['EXPIRE session:1 60'], true],
    ['the command with the option', ['SET session:1 a', 'SET session:1 b KEEPTTL'], false],
    ['the option in lower case', ['SET session:1 a', 'set session:1 b keepttl'], false],
  ])('%s → passed: %s', async (_name, lines, passed) => {
    expect(await checkAfter(lines, { kind: 'notUsed', commands: [setKeepTtl] })).toMatchObject({ passed });
  });

  it('names the pattern and the offending command', async () => {
    expect(await checkAfter(['SET session:1 a KEEPTTL'], { kind: 'notUsed', commands: [named('DEL'), setKeepTtl] })).toMatchObject({
      passed: false,
      expected: { en: 'no DEL, SET … KEEPTTL', ru: 'без DEL, SET … KEEPTTL' },
      found: { en: 'you ran SET session:1 a KEEPTTL', ru: 'вы выполнили SET session:1 a KEEPTTL' },
    });
  });
});

describe('published check', () => {
  const check = { kind: 'published', channel: 'chat:general', count: 2, message: { matches: 'hello' } } satisfies CheckInput;
  it('passes when the learner published the messages', async () => {
    expect(await checkAfter(['PUBLISH chat:general "hello all"', 'PUBLISH chat:general "hello again"'], check)).toMatchObject({ passed: true });
  });
  it('fails when too few messages meet the expectation, and counts only those that do', async () => {
    expect(await checkAfter(['PUBLISH chat:general hello'], check)).toMatchObject({
      passed: false,
      expected: {
        en: '2 message(s) on chat:general that are text matching /hello/',
        ru: '2 сообщения в канале chat:general, и каждое из них — текст, подходящий под /hello/',
      },
      found: { en: '1 of 1 message(s): ["hello"]', ru: 'подходящих 1 из 1: ["hello"]' },
    });
    expect(await checkAfter(['PUBLISH chat:general hello', 'PUBLISH chat:general bye'], check)).toMatchObject({
      passed: false,
      found: { en: '1 of 2 message(s): ["hello", "bye"]' },
    });
  });
  it('a wrong message before the right ones does not spoil the answer', async () => {
    expect(await checkAfter(['PUBLISH chat:general bye', 'PUBLISH chat:general hello', 'PUBLISH chat:general "hello again"'], check)).toMatchObject({ passed: true });
  });
  it('without message: counts every message on the channel', async () => {
    const counted = { kind: 'published', channel: 'chat:general', count: 2 } satisfies CheckInput;
    expect(await checkAfter(['PUBLISH chat:general bye'], counted)).toMatchObject({
      passed: false,
      expected: { en: '2 message(s) on chat:general', ru: '2 сообщения в канале chat:general' },
      found: { en: '1 message(s): ["bye"]', ru: '1 сообщение: ["bye"]' },
    });
  });
  it('does not count what setup published', async () => {
    expect(await checkAfter(['PUBLISH chat:general hello'], check, ['PUBLISH chat:general hello'])).toMatchObject({ passed: false });
  });
});

describe('subscribed check', () => {
  const check = { kind: 'subscribed', channels: ['news'], patterns: [] } satisfies CheckInput;
  it('passes while the learner connection is subscribed', async () => {
    expect(await checkAfter(['SUBSCRIBE news'], check)).toMatchObject({ passed: true });
  });
  it('fails when it is not', async () => {
    expect(await checkAfter([], check)).toMatchObject({
      passed: false,
      expected: { en: 'subscribed to news', ru: 'подписка на news' },
      found: { en: 'not subscribed', ru: 'подписок нет' },
    });
  });
  it('checks patterns', async () => {
    const patterns = { kind: 'subscribed', channels: [], patterns: ['news.*'] } satisfies CheckInput;
    expect(await checkAfter(['PSUBSCRIBE news.*'], patterns)).toMatchObject({ passed: true });
    expect(await checkAfter(['SUBSCRIBE news'], patterns)).toMatchObject({ passed: false });
  });
});

describe('js check', () => {
  const modulePath = join(import.meta.dirname, '../fixtures/engine-js/checks/lock-released.js');
  const check = { kind: 'js', module: 'checks/lock-released.js', modulePath } satisfies CheckInput;
  it('passes when the module says so', async () => {
    expect(await checkAfter(['EVAL "return redis.call(\'DEL\', KEYS[1])" 1 lock:report'], check, ['SET lock:report me'])).toMatchObject({ passed: true });
  });
  it('fails with what the module found', async () => {
    expect(await checkAfter([], check, ['SET lock:report me'])).toMatchObject({ passed: false, expected: { en: 'no lock', ru: 'no lock' }, found: { en: 'me', ru: 'me' } });
  });
  it('takes { en, ru } texts from the module, English standing in for a missing Russian', async () => {
    const bilingual = { kind: 'js', module: 'checks/bilingual.js', modulePath: join(import.meta.dirname, '../fixtures/engine-js/checks/bilingual.js') } satisfies CheckInput;
    expect(await checkAfter([], bilingual, ['SET lock:report me'])).toMatchObject({
      passed: false,
      expected: { en: 'the lock is released', ru: 'блокировка снята' },
      found: { en: 'held by me', ru: 'её держит me' },
    });
    expect(await checkAfter([], bilingual)).toMatchObject({ expected: { en: 'the lock is held', ru: 'the lock is held' }, found: { en: 'no lock', ru: 'no lock' } });
    expect(await checkAfter([], bilingual, ['SET lock:report oops'])).toMatchObject({
      passed: false,
      error: { en: 'checks/bilingual.js returned expected: 42, not a string or { en, ru }', ru: 'checks/bilingual.js вернул expected: 42, а не строку или { en, ru }' },
    });
  });
  it('reports a missing module as an error', async () => {
    const result = await checkAfter([], { ...check, modulePath: join(import.meta.dirname, 'no-such-check.js') });
    expect(result.passed).toBe(false);
    expect(result.error?.en).toBeTruthy();
  });
});

describe('wait', () => {
  it('retries until the condition holds', async () => {
    const attempt = await fixture.engine.startAttempt(buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: false, wait: 20_000 }] }));
    await attempt.runLine('SET k v');
    const observer = new Redis({ host: '127.0.0.1', port: fixture.target.spec.port, password: fixture.target.spec.password, lazyConnect: false });
    try {
      // The check reads the key with TYPE: once the server has run one, the first pass has seen the key.
      const typeCalls = async () => Number(/^cmdstat_type:calls=(\d+)/m.exec(await observer.info('commandstats'))?.[1] ?? 0);
      const before = await typeCalls();
      const evaluation = attempt.evaluate();
      await waitUntil(async () => (await typeCalls()) > before, 'the first pass of the check');
      // Now the key goes, as it would when its TTL runs out: a later pass sees it gone.
      await observer.del('k');
      const result = await evaluation;
      expect(result.passed).toBe(true);
      expect(result.timings.passes).toBeGreaterThan(1);
    } finally {
      observer.disconnect();
    }
  });
  it('gives up after the wait and fails', async () => {
    const attempt = await fixture.engine.startAttempt(buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: false, wait: 200 }] }));
    await attempt.runLine('SET k v');
    const result = await attempt.evaluate();
    expect(result.passed).toBe(false);
    expect(result.timings.checksMs).toBeGreaterThanOrEqual(190);
  });
  it('does not wait when asked not to', async () => {
    const attempt = await fixture.engine.startAttempt(buildTestExercise({ checks: [{ kind: 'key', key: 'k', exists: false, wait: 5000 }] }));
    await attempt.runLine('SET k v');
    const result = await attempt.evaluate({ wait: false });
    expect(result.passed).toBe(false);
    expect(result.timings.passes).toBe(1);
  });
});
