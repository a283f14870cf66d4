import { describe, expect, it } from 'vitest';
import { GlibcRandom } from '../../../src/cli/cluster/glibc-random.js';

describe('GlibcRandom', () => {
  it("gives glibc's rand() sequence after srand(seed)", () => {
    // glibc: srand(1); rand() x3, and srand(42); rand().
    const one = new GlibcRandom(1);
    expect([one.next(), one.next(), one.next()]).toEqual([1804289383, 846930886, 1681692777]);
    expect(new GlibcRandom(42).next()).toBe(71876166);
  });
});
