import { describe, expect, it } from 'vitest';
import { KEPT_ARGUMENT_BYTES, RequestReader } from '../../src/programs/request-reader.js';

const resp = (...args: string[]) => `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(arg)}\r\n${arg}\r\n`).join('')}`;

/** Feeds the bytes cut into pieces of `size`; returns each command with the absolute offset where it ended. */
function readInPieces(bytes: Buffer, size: number): { args: string[]; end: number }[] {
  const reader = new RequestReader();
  const found: { args: string[]; end: number }[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    for (const command of reader.feed(bytes.subarray(at, at + size))) found.push({ args: command.args, end: at + command.end });
  }
  return found;
}

describe('RequestReader: the commands a client sends, as the server splits them', () => {
  const stream = Buffer.from(resp('WATCH', 'stock') + 'GET "a b"\r\n' + resp('MULTI') + '\r\n' + resp('SET', 'k', 'dé\r\njà') + resp('EXEC'));
  const expected = [['WATCH', 'stock'], ['GET', 'a b'], ['MULTI'], ['SET', 'k', 'dé\r\njà'], ['EXEC']];

  it.each([1, 2, 3, 7, 64, stream.length])('multibulk and inline, however the bytes are cut (%i at a time)', (size) => {
    const found = readInPieces(stream, size);
    expect(found.map((command) => command.args)).toEqual(expected);
    // Each command ends exactly where the next begins: the tap cuts there to hold a connection.
    expect(found.at(-1)?.end).toBe(stream.length);
    expect(stream.subarray(found[1]?.end ?? 0, found[2]?.end ?? 0).toString()).toBe(resp('MULTI'));
  });

  it('keeps only the start of a long argument, counting the rest', () => {
    const big = 'x'.repeat(KEPT_ARGUMENT_BYTES * 50);
    const found = readInPieces(Buffer.from(resp('SET', 'big', big) + resp('PING')), 4096);
    expect(found.map((command) => command.args.map((arg) => arg.length))).toEqual([[3, 3, KEPT_ARGUMENT_BYTES], [4]]);
  });

  it('reads nothing more after input the server would refuse', () => {
    const reader = new RequestReader();
    expect(reader.feed(Buffer.from('*1\r\n+PING\r\n'))).toEqual([]);
    expect(reader.broken).toBe(true);
    expect(reader.feed(Buffer.from(resp('PING')))).toEqual([]);
  });
});
