import { describe, expect, it } from 'vitest';
import { INVALID_REPEAT_MESSAGE, parseRepeatPrefix, type RepeatPrefix } from '../../src/redis-cli/repeat.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';

type Shown = { kind: 'none'; args: string[] } | { kind: 'repeat'; count: number; args: string[] } | { kind: 'invalid' };

function shown(prefix: RepeatPrefix): Shown {
  if (prefix.kind === 'invalid') return prefix;
  const args = prefix.args.map((arg) => arg.toString('latin1'));
  return prefix.kind === 'repeat' ? { kind: 'repeat', count: prefix.count, args } : { kind: 'none', args };
}

const invalid: Shown = { kind: 'invalid' };

describe('parseRepeatPrefix (spec 4.3 step 4; the odd ones checked against redis-cli 7.0.15)', () => {
  it.each<[string, Shown]>([
    ['3 ping', { kind: 'repeat', count: 3, args: ['ping'] }],
    ['2 incr cnt', { kind: 'repeat', count: 2, args: ['incr', 'cnt'] }],
    ['2 quit', { kind: 'repeat', count: 2, args: ['quit'] }],
    ['2 :set hints', { kind: 'repeat', count: 2, args: [':set', 'hints'] }],
    ['" 2" ping', { kind: 'repeat', count: 2, args: ['ping'] }],
    ['"\t\v2" ping', { kind: 'repeat', count: 2, args: ['ping'] }],
    ['"\\v2" ping', { kind: 'none', args: ['v2', 'ping'] }],
    ['+2 ping', { kind: 'repeat', count: 2, args: ['ping'] }],
    ['007 ping', { kind: 'repeat', count: 7, args: ['ping'] }],
    ['"2\\x00x" ping', { kind: 'repeat', count: 2, args: ['ping'] }],
    ['9223372036854775807 ping', { kind: 'repeat', count: Number(9223372036854775807n), args: ['ping'] }],
    ['0 ping', invalid],
    ['-0 ping', invalid],
    ['-1 ping', invalid],
    ['"" ping', invalid],
    ['"\\x00" ping', invalid],
    ['9223372036854775808 ping', invalid],
    ['-9223372036854775809 ping', invalid],
    ['99999999999999999999 ping', invalid],
    ['3', { kind: 'none', args: ['3'] }],
    ['0x2 ping', { kind: 'none', args: ['0x2', 'ping'] }],
    ['2x ping', { kind: 'none', args: ['2x', 'ping'] }],
    ['"2 " ping', { kind: 'none', args: ['2 ', 'ping'] }],
    ['" " ping', { kind: 'none', args: [' ', 'ping'] }],
    ['+ ping', { kind: 'none', args: ['+', 'ping'] }],
    ['1.5 ping', { kind: 'none', args: ['1.5', 'ping'] }],
    ['ping', { kind: 'none', args: ['ping'] }],
  ])('%s', (line, expected) => {
    expect(shown(parseRepeatPrefix(splitArgs(line) as Buffer[]))).toEqual(expected);
  });

  it('has redis-cli wording for the error', () => {
    expect(INVALID_REPEAT_MESSAGE).toBe('Invalid redis-cli repeat command option value.');
  });
});
