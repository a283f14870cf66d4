/**
 * The order in which redis-cli walks one of its hash tables (dict.c of
 * Redis 7.0 with SipHash-1-2 and redis-cli's all-zero seed): buckets in
 * index order, the newest entry of a bucket first, incremental rehashing
 * one bucket per add or find. redis-cli prints some lists in this order
 * (the open slots of a check) and makes random choices over others (the
 * replicas it shuffles in create), so the tutor keeps its lists the same way.
 */

const MASK64 = (1n << 64n) - 1n;
const INITIAL_EXP = 2;

function rotl(value: bigint, bits: bigint): bigint {
  return ((value << bits) | (value >> (64n - bits))) & MASK64;
}

/** Redis' siphash() (SipHash-1-2) with a zero key: what dictSdsHash() gives redis-cli. */
export function sipHash12(input: Buffer): bigint {
  let v0 = 0x736f6d6570736575n;
  let v1 = 0x646f72616e646f6dn;
  let v2 = 0x6c7967656e657261n;
  let v3 = 0x7465646279746573n;
  const round = (): void => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const whole = input.length - (input.length % 8);
  for (let at = 0; at < whole; at += 8) {
    const m = input.readBigUInt64LE(at);
    v3 ^= m;
    round();
    v0 ^= m;
  }
  let last = (BigInt(input.length) << 56n) & MASK64;
  for (let i = input.length - 1; i >= whole; i--) last |= BigInt(input[i] as number) << BigInt(8 * (i - whole));
  v3 ^= last;
  round();
  v0 ^= last;
  v2 ^= 0xffn;
  round();
  round();
  return v0 ^ v1 ^ v2 ^ v3;
}

interface Entry<V> {
  key: string;
  hash: bigint;
  value: V;
}

/** A dict with sds keys (dictSdsHash, dictSdsKeyCompare) and dict_can_resize on, as redis-cli's are. */
export class RedisDict<V> {
  private tables: [Array<Array<Entry<V>>> | null, Array<Array<Entry<V>>> | null] = [null, null];
  private used: [number, number] = [0, 0];
  private rehashIndex = -1;

  get size(): number {
    return this.used[0] + this.used[1];
  }

  /** dictFind(). */
  find(key: string): V | undefined {
    if (this.size === 0) return undefined;
    if (this.rehashing) this.rehashStep();
    return this.lookup(key, sipHash12(Buffer.from(key, 'utf8')))?.value;
  }

  /** dictReplace(): a new key goes first in its bucket; an old one keeps its place. */
  replace(key: string, value: V): void {
    if (this.rehashing) this.rehashStep();
    const hash = sipHash12(Buffer.from(key, 'utf8'));
    this.expandIfNeeded();
    const existing = this.lookup(key, hash);
    if (existing !== undefined) {
      existing.value = value;
      return;
    }
    const index = this.rehashing ? 1 : 0;
    const table = this.tables[index] as Array<Array<Entry<V>>>;
    table[Number(hash & BigInt(table.length - 1))]?.unshift({ key, hash, value });
    this.used[index]++;
  }

  /** dictNext() from the start: table 0's buckets, then table 1's while rehashing. */
  entries(): Array<[string, V]> {
    const result: Array<[string, V]> = [];
    for (const table of this.rehashing ? this.tables : [this.tables[0]]) {
      for (const bucket of table ?? []) for (const entry of bucket) result.push([entry.key, entry.value]);
    }
    return result;
  }

  private get rehashing(): boolean {
    return this.rehashIndex !== -1;
  }

  private lookup(key: string, hash: bigint): Entry<V> | undefined {
    for (const table of this.rehashing ? this.tables : [this.tables[0]]) {
      if (table === null) continue;
      const found = table[Number(hash & BigInt(table.length - 1))]?.find((entry) => entry.key === key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private expandIfNeeded(): void {
    if (this.rehashing) return;
    const first = this.tables[0];
    if (first === null) {
      this.tables[0] = buckets(1 << INITIAL_EXP);
      return;
    }
    if (this.used[0] >= first.length) this.expand(this.used[0] + 1);
  }

  private expand(size: number): void {
    let exp = INITIAL_EXP;
    while (1 << exp < size) exp++;
    if (1 << exp === this.tables[0]?.length) return;
    this.tables[1] = buckets(1 << exp);
    this.rehashIndex = 0;
  }

  /** dictRehash(d, 1): one non-empty bucket moved (at most 10 empty ones skipped). */
  private rehashStep(): void {
    const [from, to] = this.tables as [Array<Array<Entry<V>>>, Array<Array<Entry<V>>>];
    let emptyVisits = 10;
    if (this.used[0] !== 0) {
      while ((from[this.rehashIndex] as Array<Entry<V>>).length === 0) {
        this.rehashIndex++;
        if (--emptyVisits === 0) return;
      }
      for (const entry of from[this.rehashIndex] as Array<Entry<V>>) {
        to[Number(entry.hash & BigInt(to.length - 1))]?.unshift(entry);
        this.used[0]--;
        this.used[1]++;
      }
      from[this.rehashIndex] = [];
      this.rehashIndex++;
    }
    if (this.used[0] === 0) {
      this.tables = [to, null];
      this.used = [this.used[1], 0];
      this.rehashIndex = -1;
    }
  }
}

function buckets<V>(count: number): Array<Array<Entry<V>>> {
  return Array.from({ length: count }, () => []);
}
