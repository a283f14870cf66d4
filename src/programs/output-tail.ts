/**
 * Keeps the last `keep` bytes of a stream of chunks and counts them all: a
 * program's traceback is at the end, and a program printing gigabytes must
 * not take the grader's memory with it.
 */
export class OutputTail {
  private chunks: Buffer[] = [];
  private kept = 0;
  private total = 0;

  constructor(private readonly keep: number) {}

  get bytes(): number {
    return this.total;
  }

  get truncated(): boolean {
    return this.total > this.keep;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    this.chunks.push(chunk);
    this.kept += chunk.length;
    while (this.kept - (this.chunks[0]?.length ?? 0) >= this.keep && this.chunks.length > 1) {
      this.kept -= this.chunks.shift()?.length ?? 0;
    }
  }

  /** The kept end as text; a multi-byte character cut at the start is dropped rather than shown broken. */
  text(): string {
    const all = Buffer.concat(this.chunks);
    const end = all.subarray(Math.max(0, all.length - this.keep));
    let start = 0;
    // Skip UTF-8 continuation bytes (10xxxxxx) at a cut.
    if (end.length < all.length) while (start < end.length && ((end[start] ?? 0) & 0xc0) === 0x80) start++;
    return end.subarray(start).toString('utf8');
  }
}
