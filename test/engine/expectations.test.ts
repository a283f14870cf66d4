import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../src/course/schema.js';
import { checkExpectation, describeExpectation, walkPath } from '../../src/engine/expectations.js';
import { ErrorValue, type Value } from '../../src/engine/value.js';

const err = (message: string) => new ErrorValue(message);

describe('checkExpectation passes', () => {
  it.each<[string, Expectation, Value]>([
    ['equals string', { equals: 'OK' }, 'OK'],
    ['equals number vs numeric text', { equals: 3 }, '3'],
    ['equals numeric text vs number', { equals: '3' }, 3],
    ['equals float text', { equals: 2.5 }, '2.5'],
    ['equals nil', { equals: null }, null],
    ['equals deep array', { equals: ['a', 1, ['b']] }, ['a', '1', ['b']]],
    ['equals map', { equals: { name: 'x', age: 3 } }, { age: '3', name: 'x' }],
    ['equals map vs flat pairs', { equals: { name: 'x' } }, ['name', 'x']],
    ['equals true vs 1', { equals: true }, 1],
    ['oneOf', { oneOf: ['PONG', 'hello'] }, 'hello'],
    ['matches', { matches: '^user:\\d+$' }, 'user:42'],
    ['matches number as text', { matches: '^4' }, 42],
    ['gt', { gt: 10 }, 11],
    ['gte numeric text', { gte: 10 }, '10'],
    ['lt', { lt: 0 }, -1],
    ['lte', { lte: 5 }, 5],
    ['between inclusive low', { between: [1, 60] }, 1],
    ['between inclusive high', { between: [1, 60] }, '60'],
    ['nil true', { nil: true }, null],
    ['nil false', { nil: false }, 'x'],
    ['error true', { error: true }, err('ERR nope')],
    ['error pattern', { error: '^NOPERM' }, err('NOPERM this user has no permissions')],
    ['ok true', { ok: true }, 'x'],
    ['ok true on nil', { ok: true }, null],
    ['ok false', { ok: false }, err('ERR')],
    ['length array', { length: 2 }, ['a', 'b']],
    ['length string counts bytes', { length: 5 }, 'héé'],
    ['length comparison', { length: { gte: 2 } }, ['a', 'b', 'c']],
    ['length map', { length: 1 }, { a: '1' }],
    ['contains item', { contains: ['b'] }, ['a', 'b']],
    ['contains each', { contains: ['a', 'c'] }, ['c', 'b', 'a']],
    ['contains substring', { contains: ['ell'] }, 'hello'],
    ['contains numeric item', { contains: [3] }, ['3', '4']],
    ['sameMembers', { sameMembers: ['a', 'b', 'c'] }, ['c', 'a', 'b']],
    ['sameMembers duplicates', { sameMembers: ['a', 'a'] }, ['a', 'a']],
    ['path array then map', { path: [0, 'pending'], equals: 1 }, [{ name: 'g', pending: 1 }]],
    ['path into flat pairs', { path: [0, 'pending'], equals: 1 }, [['name', 'g', 'pending', 1]]],
    ['path then length', { path: [1], length: 2 }, ['x', ['a', 'b']]],
    ['several clauses', { gte: 1, lte: 3, ok: true }, 2],
  ])('%s', (_name, spec, value) => {
    expect(checkExpectation(spec, value)).toEqual({ passed: true });
  });
});

/** [expected en, expected ru]: values quoted from Redis are the same in both; the words around them are translated. */
type Pair = [string, string];
const same = (text: string): Pair => [text, text];

describe('checkExpectation fails with expected and found, in both languages', () => {
  it.each<[string, Expectation, Value, Pair, Pair]>([
    ['equals', { equals: 3 }, '2', same('3'), same('"2"')],
    ['equals text not lenient with words', { equals: 'abc' }, 'abd', same('"abc"'), same('"abd"')],
    ['equals array length', { equals: ['a'] }, ['a', 'b'], same('["a"]'), same('["a", "b"]')],
    ['equals map extra field', { equals: { a: 1 } }, { a: 1, b: 2 }, same('{a: 1}'), same('{a: 1, b: 2}')],
    ['equals error is not text', { equals: 'ERR x' }, err('ERR x'), same('"ERR x"'), same('(error) ERR x')],
    ['oneOf', { oneOf: ['a', 'b'] }, 'c', ['one of "a", "b"', 'одно из: "a", "b"'], same('"c"')],
    ['matches', { matches: '^user:' }, 'order:1', ['text matching /^user:/', 'текст, подходящий под /^user:/'], same('"order:1"')],
    ['matches nil', { matches: '.*' }, null, ['text matching /.*/', 'текст, подходящий под /.*/'], same('(nil)')],
    ['gt', { gt: 10 }, 10, ['a number > 10', 'число > 10'], same('10')],
    ['between', { between: [1, 60] }, 61, ['a number between 1 and 60', 'число от 1 до 60'], same('61')],
    ['two bounds', { gte: 1, lt: 5 }, 7, ['a number >= 1 and < 5', 'число >= 1 и < 5'], same('7')],
    ['not a number', { gte: 1 }, 'abc', ['a number >= 1', 'число >= 1'], ['"abc" (not a number)', '"abc" (не число)']],
    ['nil true', { nil: true }, 'x', same('(nil)'), same('"x"')],
    ['nil false', { nil: false }, null, ['not nil', 'не (nil)'], same('(nil)')],
    ['error true', { error: true }, 'OK', ['an error', 'ошибка'], same('"OK"')],
    ['error pattern', { error: '^NOPERM' }, err('WRONGPASS invalid'), ['an error matching /^NOPERM/', 'ошибка, подходящая под /^NOPERM/'], same('(error) WRONGPASS invalid')],
    ['ok true', { ok: true }, err('ERR x'), ['not an error', 'не ошибка'], same('(error) ERR x')],
    ['ok false', { ok: false }, 'x', ['an error', 'ошибка'], same('"x"')],
    ['length', { length: 3 }, ['a'], ['length 3', 'длина 3'], ['length 1: ["a"]', 'длина 1: ["a"]']],
    ['length of nil', { length: 0 }, null, ['length 0', 'длина 0'], ['(nil) (has no length)', '(nil) (длины нет)']],
    ['contains', { contains: ['z'] }, ['a'], ['containing "z"', 'содержит "z"'], same('["a"]')],
    ['contains substring', { contains: ['xyz'] }, 'hello', ['containing "xyz"', 'содержит "xyz"'], same('"hello"')],
    ['sameMembers missing', { sameMembers: ['a', 'b'] }, ['a', 'c'], ['exactly "a", "b" in any order', 'ровно "a", "b" в любом порядке'], same('["a", "c"]')],
    ['sameMembers count', { sameMembers: ['a', 'a'] }, ['a'], ['exactly "a", "a" in any order', 'ровно "a", "a" в любом порядке'], same('["a"]')],
    ['path missing', { path: [2], equals: 1 }, ['a'], ['at [2]: a value', 'в [2]: значение'], ['nothing at [2] in ["a"]', 'по пути [2] в ["a"] ничего нет']],
    ['path then equals', { path: [0, 'pending'], equals: 1 }, [{ pending: 0 }], ['at [0].pending: 1', 'в [0].pending: 1'], same('0')],
    ['path then a worded clause', { path: [1], gt: 2 }, ['x', 1], ['at [1]: a number > 2', 'в [1]: число > 2'], same('1')],
    ['first failing clause of several', { ok: true, gte: 5 }, 3, ['a number >= 5', 'число >= 5'], same('3')],
  ])('%s', (_name, spec, value, [expectedEn, expectedRu], [foundEn, foundRu]) => {
    expect(checkExpectation(spec, value)).toEqual({ passed: false, expected: { en: expectedEn, ru: expectedRu }, found: { en: foundEn, ru: foundRu } });
  });
});

describe('helpers', () => {
  it('walkPath indexes from the end with negative numbers', () => {
    expect(walkPath(['a', 'b'], [-1])).toEqual({ found: true, value: 'b' });
  });

  it('walkPath does not read prototype fields', () => {
    expect(walkPath({}, ['constructor'])).toEqual({ found: false, stoppedAt: ['constructor'] });
  });

  it('describeExpectation joins every clause', () => {
    expect(describeExpectation({ path: [0], gte: 1, lte: 3 })).toEqual({ en: 'at [0]: a number >= 1 and <= 3', ru: 'в [0]: число >= 1 и <= 3' });
  });
});
