/**
 * glibc's rand() after srand(seed) (random_r, TYPE_3: an additive feedback
 * generator over 34 words, the first 310 outputs thrown away), so a
 * random choice redis-cli makes with rand() is made the same way here.
 */
export class GlibcRandom {
  private readonly state: number[] = [];

  constructor(seed: number) {
    const r: number[] = [seed === 0 ? 1 : seed | 0];
    for (let i = 1; i < 31; i++) {
      // 16807 * r[i-1] % 2147483647 without overflow, as glibc computes it.
      const previous = r[i - 1] as number;
      const hi = Math.trunc(previous / 127_773);
      const lo = previous % 127_773;
      let word = 16_807 * lo - 2_836 * hi;
      if (word < 0) word += 2_147_483_647;
      r.push(word);
    }
    for (let i = 31; i < 34; i++) r.push(r[i - 31] as number);
    this.state = r;
    for (let i = 34; i < 344; i++) this.step();
  }

  /** The next rand(): 0 to 2^31 - 1. */
  next(): number {
    return this.step() >>> 1;
  }

  private step(): number {
    const r = this.state;
    const word = ((r[r.length - 31] as number) + (r[r.length - 3] as number)) | 0;
    r.push(word);
    r.shift();
    return word >>> 0;
  }
}
