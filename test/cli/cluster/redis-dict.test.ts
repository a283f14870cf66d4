import { describe, expect, it } from 'vitest';
import { RedisDict, sipHash12 } from '../../../src/cli/cluster/redis-dict.js';

describe("redis-cli's dict order", () => {
  it("hashes as Redis 7.0's siphash() with a zero key", () => {
    // From src/siphash.c of Redis 7.0.15 compiled with a zero key.
    expect(sipHash12(Buffer.from('0'))).toBe(9202639499479551759n);
    expect(sipHash12(Buffer.from('16383'))).toBe(5512909473655609812n);
    expect(sipHash12(Buffer.from('abcdefgh'))).toBe(7896741981928265163n);
    expect(sipHash12(Buffer.from('abcdefghi'))).toBe(8007793330543478819n);
    expect(sipHash12(Buffer.from('2d03e75bb9ce84038189bba6fa708d945ae6813a'))).toBe(5166659358206274754n);
  });

  it('keeps every key once, a replaced value in place', () => {
    const dict = new RedisDict<number>();
    for (let i = 0; i < 100; i++) dict.replace(String(i), i);
    dict.replace('7', 700);
    const entries = dict.entries();
    expect(entries).toHaveLength(100);
    expect(new Set(entries.map(([key]) => key)).size).toBe(100);
    expect(dict.find('7')).toBe(700);
  });
});
