import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { atoi, printfFixed2 } from '../../../src/cli/cluster/c-numbers.js';

describe('C numbers of the cluster manager', () => {
  it('printfFixed2 prints a float as glibc printf("%.2f") does, ties to even', () => {
    for (const keys of [0, 1, 3, 2048, 6144, 10_240, 16_384, 100_000, 123_457, 2_000_000]) {
      const value = Math.fround(keys / 16_384);
      // The shell's printf is glibc's too; the float's exact value as its argument.
      const expected = execFileSync('printf', ['%.2f', value.toFixed(40)], { encoding: 'utf8' });
      expect([keys, printfFixed2(keys / 16_384)]).toEqual([keys, expected]);
    }
    expect(printfFixed2(2048 / 16_384)).toBe('0.12');
  });

  it('atoi reads a leading number and ignores the rest', () => {
    expect(atoi('7000')).toBe(7000);
    expect(atoi(' 12abc')).toBe(12);
    expect(atoi('x')).toBe(0);
    expect(atoi('-3')).toBe(-3);
  });
});
