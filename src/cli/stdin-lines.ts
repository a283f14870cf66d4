/**
 * linenoiseNoTTY(): the lines of a non-terminal stdin, split at `\n` only
 * (a `\r` stays, and the splitter treats it as a separator). A last line
 * without `\n` still counts. Lines come in batches, one per chunk read, so
 * a 20,000-line pipe does not pay for 20,000 promise round trips.
 */
import type { Readable } from 'node:stream';

export async function* readLineBatches(input: Readable): AsyncGenerator<Buffer[]> {
  // Pieces of a line that has not ended yet, kept apart so a long line costs linear time.
  let partial: Buffer[] = [];
  for await (const chunk of input) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    const lines: Buffer[] = [];
    let start = 0;
    for (;;) {
      const newline = data.indexOf(0x0a, start);
      if (newline === -1) break;
      const piece = data.subarray(start, newline);
      if (partial.length > 0) {
        lines.push(Buffer.concat([...partial, piece]));
        partial = [];
      } else {
        lines.push(piece);
      }
      start = newline + 1;
    }
    if (start < data.length) partial.push(data.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (partial.length > 0) yield [Buffer.concat(partial)];
}
