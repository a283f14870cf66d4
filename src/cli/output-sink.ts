/**
 * stdout as redis-cli uses it. Bytes are collected and handed to the stream
 * in large writes, the way stdio buffers a pipe; whatever is collected goes
 * out as soon as the program waits for anything (a reply, a key, stdin), which
 * is when redis-cli's fflush(stdout) after each reply would have shown it.
 * stderr lines go through errorLine(), which hands stdout's bytes over first
 * so the two streams keep their logical order when they share a file.
 */
import type { Writable } from 'node:stream';

const HIGH_WATER = 64 * 1024;

export class OutputSink {
  private chunks: Buffer[] = [];
  private size = 0;
  private scheduled = false;
  /** The stream said its buffer is full: wait for 'drain' before producing much more. */
  private full = false;

  constructor(
    private readonly stream: Writable,
    private readonly errorStream: Writable,
  ) {}

  write(bytes: Buffer | string): void {
    const chunk = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= HIGH_WATER) this.push();
    else if (!this.scheduled) {
      this.scheduled = true;
      // Runs once the current burst of already-arrived replies has been printed.
      setImmediate(() => {
        this.scheduled = false;
        this.push();
      });
    }
  }

  /** One line to stderr (the caller gives the `\n`), after everything written to stdout so far. */
  errorLine(text: string): void {
    this.push();
    this.errorStream.write(text);
  }

  /** True when the caller should `await flush()` before producing more output. */
  get pressured(): boolean {
    return this.full;
  }

  /** Hands what is collected to stdout; resolves once the stream wants more. */
  flush(): Promise<void> {
    this.push();
    if (!this.full) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.full = false;
        this.stream.off('drain', done);
        this.stream.off('close', done);
        this.stream.off('error', done);
        resolve();
      };
      this.stream.once('drain', done);
      this.stream.once('close', done);
      this.stream.once('error', done);
    });
  }

  private push(): void {
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks, this.size);
    this.chunks = [];
    this.size = 0;
    if (this.stream.destroyed || this.stream.writableEnded) return;
    if (!this.stream.write(data)) this.full = true;
  }
}
