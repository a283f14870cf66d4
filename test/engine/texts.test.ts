import { describe, expect, it } from 'vitest';
import { russianPlural } from '../../src/course/localize.js';
import { describeComparison } from '../../src/engine/expectations.js';
import { patternLabel } from '../../src/engine/checks/command-pattern.js';
import type { BilingualText } from '../../src/results/check-result.js';
import { AS_USER, COMPARE, EXPECT, JS, joinPieces, KEY, LUA, PUBLISHED, SUBSCRIBED, USED } from '../../src/engine/texts.js';

/** The engine's phrases as the learner reads them: [what, the phrase, English, Russian]. */
const phrases: Array<[string, BilingualText, string, string]> = [
  ['key: missing', KEY.missing, 'the key does not exist', 'ключ не существует'],
  ['key: of another type', KEY.isA('list'), 'the key is a list', 'ключ имеет тип list'],
  ['key: exists', KEY.exists, 'the key exists', 'ключ существует'],
  ['key: expected absent', KEY.noSuchKey, 'no such key', 'ключа нет'],
  ['key: exists as a type', KEY.existsAsA('hash'), 'the key exists (a hash)', 'ключ существует (тип hash)'],
  ['key: type', KEY.type('zset'), 'type zset', 'тип zset'],
  ['key: no expiry', KEY.noExpiry, 'no expiry', 'без срока жизни'],
  ['key: TTL range', KEY.ttl(describeComparison({ between: [1, 60] })), 'TTL between 1 and 60 s', 'TTL от 1 до 60 с'],
  ['key: TTL value', KEY.ttl('42'), 'TTL 42 s', 'TTL 42 с'],
  ['key: fields', KEY.atLeastFields('{name: "Ada"}'), 'at least the fields {name: "Ada"}', 'как минимум поля {name: "Ada"}'],
  ['key: stream entries', KEY.entries(describeComparison({ gte: 3 })), '>= 3 entries', 'записей: >= 3'],
  ['compare: several bounds', describeComparison({ gt: 1, lte: 9 }), '> 1 and <= 9', '> 1 и <= 9'],
  ['compare: between', COMPARE.between('1', '5'), 'between 1 and 5', 'от 1 до 5'],
  ['compare: an exact number', describeComparison(3), '3', '3'],
  ['expect: a number', EXPECT.aNumber(describeComparison({ between: [1, 60] })), 'a number between 1 and 60', 'число от 1 до 60'],
  ['expect: at a path', EXPECT.atPath('[0].pending', EXPECT.aValue), 'at [0].pending: a value', 'в [0].pending: значение'],
  ['expect: nothing at a path', EXPECT.nothingAt('[2]', '["a"]'), 'nothing at [2] in ["a"]', 'по пути [2] в ["a"] ничего нет'],
  ['used: label with a pattern', patternLabel({ command: 'LRANGE', with: [], withMatching: ['^-\\d+$'] }), 'LRANGE with an argument matching ^-\\d+$', 'LRANGE с аргументом, подходящим под ^-\\d+$'],
  ['used: label with arguments', patternLabel({ command: 'SET', with: ['NX', 'EX'], withMatching: [] }), 'SET … NX EX', 'SET … NX EX'],
  ['used: expected', USED.youUse(['PING']), 'you use PING', 'команда PING'],
  ['used: expected, several', USED.youUse(['SETNX', 'SET … NX']), 'you use SETNX or SET … NX', 'команда SETNX или SET … NX'],
  ['used: nothing run', USED.noCommandsYet, 'no commands yet', 'команд пока не было'],
  ['used: not used', USED.notUsed(['INCR']), 'INCR not used', 'команда INCR не использовалась'],
  ['used: none of several used', USED.notUsed(['INCR', 'INCRBY']), 'INCR or INCRBY not used', 'ни одна из команд INCR, INCRBY не использовалась'],
  [
    'used: what a run lacked',
    USED.youRanLacking('SET k v', [USED.lacksArgument('NX'), USED.lacksMatching('^\\d+$')]),
    'you ran SET k v (no NX, no argument matching ^\\d+$)',
    'вы выполнили SET k v (нет NX, нет аргумента, подходящего под ^\\d+$)',
  ],
  ['notUsed: expected', USED.noneOf(['DEL', 'SET … KEEPTTL']), 'no DEL, SET … KEEPTTL', 'без DEL, SET … KEEPTTL'],
  ['notUsed: found', USED.youRan('DEL k'), 'you ran DEL k', 'вы выполнили DEL k'],
  ['as: user', AS_USER.authAs('reader'), 'AUTH as reader to succeed', 'успешный AUTH от имени reader'],
  ['as: password', AS_USER.authWithPassword, 'AUTH with the password to succeed', 'успешный AUTH с паролем'],
  ['lua: expected', LUA.returnsOne, 'the script returns 1', 'скрипт возвращает 1'],
  ['lua: returned', LUA.returned('(nil)'), 'it returned (nil)', 'скрипт вернул (nil)'],
  ['lua: failed', LUA.scriptFailed('ERR boom'), "the check's script failed: ERR boom", 'скрипт проверки завершился с ошибкой: ERR boom'],
  ['js: expected', JS.toPass('checks/lock.js'), 'checks/lock.js to pass', 'проверка checks/lock.js пройдена'],
  ['js: found', JS.didNot, 'it did not', 'не пройдена'],
  ['js: timeout', JS.timeout('checks/lock.js', 10_000), 'checks/lock.js did not finish within 10000 ms', 'checks/lock.js не завершился за 10000 мс'],
  ['js: a wrong result', JS.badResult('c.js', '"yes"'), 'c.js returned "yes", not a boolean or { passed }', 'c.js вернул "yes", а не boolean или { passed }'],
  ['published: an exact count', PUBLISHED.messagesOn(2, '2', 'chat'), '2 message(s) on chat', '2 сообщения в канале chat'],
  ['published: a comparison', PUBLISHED.messagesOn(undefined, describeComparison({ gte: 5 }), 'chat'), '>= 5 message(s) on chat', 'сообщений в канале chat: >= 5'],
  ['published: none found', PUBLISHED.messagesFound(0, undefined), '0 message(s)', '0 сообщений'],
  ['published: found', PUBLISHED.messagesFound(1, '["hi"]'), '1 message(s): ["hi"]', '1 сообщение: ["hi"]'],
  [
    'published: messages meeting an expectation',
    PUBLISHED.messagesMeeting(undefined, describeComparison({ gte: 1 }), 'chat', EXPECT.textMatching('^hi')),
    '>= 1 message(s) on chat that are text matching /^hi/',
    'сообщений в канале chat, каждое из которых — текст, подходящий под /^hi/: >= 1',
  ],
  ['published: meeting found', PUBLISHED.meetingFound(0, 2, '["a","b"]'), '0 of 2 message(s): ["a","b"]', 'подходящих 0 из 2: ["a","b"]'],
  [
    'subscribed: channels and patterns',
    joinPieces([SUBSCRIBED.to(['a', 'b']), SUBSCRIBED.toPatterns(['n.*'])], SUBSCRIBED.and),
    'subscribed to a, b and subscribed to the patterns n.*',
    'подписка на a, b и подписка на шаблоны n.*',
  ],
  ['subscribed: closed', SUBSCRIBED.connectionClosed, 'your connection is closed', 'ваше подключение закрыто'],
  ['subscribed: none', SUBSCRIBED.notSubscribed, 'not subscribed', 'подписок нет'],
  ['subscribed: counts', SUBSCRIBED.counts(1, 2), '1 channel(s), 2 pattern(s)', 'каналов: 1, шаблонов: 2'],
];

describe('engine phrases', () => {
  it.each(phrases)('%s', (_name, phrase, en, ru) => {
    expect(phrase).toEqual({ en, ru });
  });
});

describe('russianPlural', () => {
  it.each([
    [0, 'сообщений'],
    [1, 'сообщение'],
    [2, 'сообщения'],
    [4, 'сообщения'],
    [5, 'сообщений'],
    [11, 'сообщений'],
    [14, 'сообщений'],
    [21, 'сообщение'],
    [22, 'сообщения'],
    [111, 'сообщений'],
  ])('%i %s', (count, form) => {
    expect(russianPlural(count, 'сообщение', 'сообщения', 'сообщений')).toBe(form);
  });
});
