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

describe('checkExpectation fails with expected and found', () => {
  it.each<[string, Expectation, Value, string, string]>([
    ['equals', { equals: 3 }, '2', '3', '"2"'],
    ['equals text not lenient with words', { equals: 'abc' }, 'abd', '"abc"', '"abd"'],
    ['equals array length', { equals: ['a'] }, ['a', 'b'], '["a"]', '["a", "b"]'],
    ['equals map extra field', { equals: { a: 1 } }, { a: 1, b: 2 }, '{a: 1}', '{a: 1, b: 2}'],
    ['equals error is not text', { equals: 'ERR x' }, err('ERR x'), '"ERR x"', '(error) ERR x'],
    ['oneOf', { oneOf: ['a', 'b'] }, 'c', 'one of "a", "b"', '"c"'],
    ['matches', { matches: '^user:' }, 'order:1', 'text matching /^user:/', '"order:1"'],
    ['matches nil', { matches: '.*' }, null, 'text matching /.*/', '(nil)'],
    ['gt', { gt: 10 }, 10, 'a number > 10', '10'],
    ['between', { between: [1, 60] }, 61, 'a number between 1 and 60', '61'],
    ['not a number', { gte: 1 }, 'abc', 'a number >= 1', '"abc" (not a number)'],
    ['nil true', { nil: true }, 'x', '(nil)', '"x"'],
    ['nil false', { nil: false }, null, 'not nil', '(nil)'],
    ['error true', { error: true }, 'OK', 'an error', '"OK"'],
    ['error pattern', { error: '^NOPERM' }, err('WRONGPASS invalid'), 'an error matching /^NOPERM/', '(error) WRONGPASS invalid'],
    ['ok true', { ok: true }, err('ERR x'), 'not an error', '(error) ERR x'],
    ['ok false', { ok: false }, 'x', 'an error', '"x"'],
    ['length', { length: 3 }, ['a'], 'length 3', 'length 1: ["a"]'],
    ['length of nil', { length: 0 }, null, 'length 0', '(nil) (has no length)'],
    ['contains', { contains: ['z'] }, ['a'], 'containing "z"', '["a"]'],
    ['contains substring', { contains: ['xyz'] }, 'hello', 'containing "xyz"', '"hello"'],
    ['sameMembers missing', { sameMembers: ['a', 'b'] }, ['a', 'c'], 'exactly "a", "b" in any order', '["a", "c"]'],
    ['sameMembers count', { sameMembers: ['a', 'a'] }, ['a'], 'exactly "a", "a" in any order', '["a"]'],
    ['path missing', { path: [2], equals: 1 }, ['a'], 'at [2]: a value', 'nothing at [2] in ["a"]'],
    ['path then equals', { path: [0, 'pending'], equals: 1 }, [{ pending: 0 }], 'at [0].pending: 1', '0'],
    ['first failing clause of several', { ok: true, gte: 5 }, 3, 'a number >= 5', '3'],
  ])('%s', (_name, spec, value, expected, found) => {
    expect(checkExpectation(spec, value)).toEqual({ passed: false, expected, found });
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
    expect(describeExpectation({ path: [0], gte: 1, lte: 3 })).toBe('at [0]: a number >= 1 and <= 3');
  });
});
