import { describe, expect, it } from 'vitest';
import { routeLine } from '../../src/redis-cli/line-router.js';
import { formatSeconds, timingLine } from '../../src/redis-cli/timing-line.js';

const plan = (line: string) => routeLine(Buffer.from(line, 'latin1'));

describe('routeLine', () => {
  it('checks local commands on the first argument, so a repeat count sends them', () => {
    expect(plan('quit').kind).toBe('quit');
    expect(plan('EXIT now').kind).toBe('quit');
    expect(plan('2 quit')).toMatchObject({ kind: 'command', repeat: 2 });
    expect(plan('2 :set hints')).toMatchObject({ kind: 'command', repeat: 2 });
    expect(plan(':set hints').kind).toBe('preference');
    expect(plan('connect 127.0.0.1').kind).toBe('command');
    expect(plan('connect localhost 7000')).toMatchObject({ kind: 'connect', host: 'localhost', port: 7000 });
    expect(plan('clear').kind).toBe('clear');
    expect(plan('clear x').kind).toBe('command');
  });
  it('runs help once whatever the count, and flags bad lines', () => {
    expect(plan('3 help get')).toMatchObject({ kind: 'help' });
    expect(plan('? set').kind).toBe('help');
    expect(plan('echo "unbalanced').kind).toBe('invalid-arguments');
    expect(plan('0 ping').kind).toBe('invalid-repeat');
    expect(plan('"" ping').kind).toBe('invalid-repeat');
    expect(plan('   ').kind).toBe('skip');
    expect(plan('\0ping').kind).toBe('skip');
  });
});

describe('timing line', () => {
  it('appears from 500 ms in STANDARD mode only, rounded like printf', () => {
    expect(timingLine(499, 'standard')).toBeNull();
    expect(timingLine(600, 'standard')).toBe('(0.60s)\n');
    expect(timingLine(600, 'raw')).toBeNull();
    expect(formatSeconds(625)).toBe('0.62');
    expect(formatSeconds(1875)).toBe('1.88');
    expect(formatSeconds(1234)).toBe('1.23');
  });
});
