/**
 * Incremental RESP2 + RESP3 reader. Feed it socket chunks as they come; it
 * calls onReply once per complete top-level reply, in order.
 *
 * Linear in the input however it is chunked: complete elements of an open
 * aggregate are kept on a stack and never re-read, and an incomplete tail
 * (a partial line, or a bulk string still arriving) is only joined with the
 * following chunks once enough bytes are there to finish it.
 *
 * Attributes (`|`) are rejected with the protocol error hiredis 1.0 raises,
 * because redis-cli 7.0 dies with exactly that message: a clone needs the
 * error, not a silently dropped attribute.
 */
import type { Reply } from './types.js';
import { quoteBytes } from './quote-bytes.js';

export class RespProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RespProtocolError';
  }
}

type AggregateType = 'array' | 'set' | 'push' | 'map';

interface OpenAggregate {
  type: AggregateType;
  /** Elements still to read; a map of n pairs reads 2n. */
  remaining: number;
  items: Reply[];
}

const LF = 0x0a;
const CRLF = Buffer.from('\r\n');
const EMPTY = Buffer.alloc(0);
/** More digits than this may not fit a double exactly, so they go through BigInt(string). */
const SAFE_INTEGER_DIGITS = 15;
const INTEGER_TEXT = /^[+-]?\d+$/;

/** Sentinel for "the rest of this element has not arrived yet". */
const INCOMPLETE = -1;

export class RespParser {
  private readonly onReply: (reply: Reply) => void;
  private readonly open: OpenAggregate[] = [];
  /** Chunks held back because the element they start is incomplete. */
  private held: Buffer[] = [];
  private heldLength = 0;
  /** Bytes the held element needs in total, or 0 when it waits for a line end. */
  private heldNeeds = 0;
  private failure: RespProtocolError | null = null;

  constructor(onReply: (reply: Reply) => void) {
    this.onReply = onReply;
  }

  /** Throws RespProtocolError on malformed input; the stream is unusable after that. */
  feed(chunk: Buffer): void {
    if (this.failure) throw this.failure;
    let buffer = chunk;
    if (this.heldLength > 0) {
      this.held.push(chunk);
      this.heldLength += chunk.length;
      const stillShort = this.heldNeeds === 0 ? chunk.indexOf(LF) === -1 : this.heldLength < this.heldNeeds;
      if (stillShort) return;
      buffer = Buffer.concat(this.held, this.heldLength);
      this.held = [];
      this.heldLength = 0;
    }
    try {
      this.parse(buffer);
    } catch (error) {
      if (error instanceof RespProtocolError) this.failure = error;
      throw error;
    }
  }

  private parse(buffer: Buffer): void {
    let offset = 0;
    while (offset < buffer.length) {
      const next = this.readElement(buffer, offset);
      if (next === INCOMPLETE) {
        this.hold(buffer.subarray(offset));
        return;
      }
      offset = next;
    }
  }

  private hold(tail: Buffer): void {
    this.held = [tail];
    this.heldLength = tail.length;
  }

  /** Reads one element (or an aggregate header) at offset; returns the offset after it. */
  private readElement(buffer: Buffer, offset: number): number {
    const lineEnd = buffer.indexOf(CRLF, offset + 1);
    if (lineEnd === -1) {
      this.heldNeeds = 0;
      return INCOMPLETE;
    }
    const typeByte = buffer[offset] as number;
    const afterLine = lineEnd + 2;
    switch (typeByte) {
      case 0x2b: // +
        this.deliver({ type: 'status', value: copy(buffer, offset + 1, lineEnd) });
        return afterLine;
      case 0x2d: // -
        this.deliver({ type: 'error', value: copy(buffer, offset + 1, lineEnd) });
        return afterLine;
      case 0x3a: // :
        this.deliver({ type: 'integer', value: parseInteger(buffer, offset + 1, lineEnd, 'Bad integer value') });
        return afterLine;
      case 0x5f: // _
        this.deliver({ type: 'nil' });
        return afterLine;
      case 0x2c: // ,
        this.deliver({ type: 'double', value: buffer.toString('latin1', offset + 1, lineEnd) });
        return afterLine;
      case 0x28: // (
        this.deliver({ type: 'bignum', value: buffer.toString('latin1', offset + 1, lineEnd) });
        return afterLine;
      case 0x23: // #
        this.deliver({ type: 'boolean', value: parseBoolean(buffer, offset + 1, lineEnd) });
        return afterLine;
      case 0x24: // $
      case 0x21: // !
      case 0x3d: // =
        return this.readBlob(typeByte, buffer, offset, lineEnd);
      case 0x2a: // *
        return this.openAggregate('array', buffer, offset, lineEnd);
      case 0x7e: // ~
        return this.openAggregate('set', buffer, offset, lineEnd);
      case 0x3e: // >
        return this.openAggregate('push', buffer, offset, lineEnd);
      case 0x25: // %
        return this.openAggregate('map', buffer, offset, lineEnd);
      default:
        throw new RespProtocolError(`Protocol error, got ${quoteBytes(Buffer.of(typeByte)).toString('latin1')} as reply type byte`);
    }
  }

  private readBlob(typeByte: number, buffer: Buffer, offset: number, lineEnd: number): number {
    const length = Number(parseInteger(buffer, offset + 1, lineEnd, 'Bad bulk string length'));
    const afterLine = lineEnd + 2;
    if (length === -1) {
      this.deliver({ type: 'nil' });
      return afterLine;
    }
    if (length < -1) throw new RespProtocolError('Bad bulk string length');
    const end = afterLine + length;
    if (buffer.length < end + 2) {
      this.heldNeeds = end + 2 - offset;
      return INCOMPLETE;
    }
    if (typeByte === 0x24) {
      this.deliver({ type: 'bulk', value: copy(buffer, afterLine, end) });
    } else if (typeByte === 0x21) {
      this.deliver({ type: 'error', value: copy(buffer, afterLine, end) });
    } else {
      if (length < 4 || buffer[afterLine + 3] !== 0x3a) {
        throw new RespProtocolError('Verbatim string 4 bytes of content type are missing or incorrectly encoded.');
      }
      const format = buffer.toString('latin1', afterLine, afterLine + 3);
      this.deliver({ type: 'verbatim', format, value: copy(buffer, afterLine + 4, end) });
    }
    return end + 2;
  }

  private openAggregate(type: AggregateType, buffer: Buffer, offset: number, lineEnd: number): number {
    const count = Number(parseInteger(buffer, offset + 1, lineEnd, 'Bad multi-bulk length'));
    if (count === -1) this.deliver({ type: 'nil' });
    else if (count < -1) throw new RespProtocolError('Bad multi-bulk length');
    else if (count === 0) this.deliver(type === 'map' ? { type, entries: [] } : { type, items: [] });
    else this.open.push({ type, remaining: type === 'map' ? count * 2 : count, items: [] });
    return lineEnd + 2;
  }

  /** Hands a finished element to its parent aggregate, closing every aggregate it completes. */
  private deliver(reply: Reply): void {
    let finished = reply;
    for (;;) {
      const parent = this.open[this.open.length - 1];
      if (!parent) {
        this.onReply(finished);
        return;
      }
      parent.items.push(finished);
      if (--parent.remaining > 0) return;
      this.open.pop();
      finished = closeAggregate(parent);
    }
  }
}

function closeAggregate(aggregate: OpenAggregate): Reply {
  if (aggregate.type !== 'map') return { type: aggregate.type, items: aggregate.items };
  const entries: Array<[Reply, Reply]> = [];
  for (let i = 0; i < aggregate.items.length; i += 2) {
    entries.push([aggregate.items[i] as Reply, aggregate.items[i + 1] as Reply]);
  }
  return { type: 'map', entries };
}

/** Replies outlive the chunk they came in; a copy keeps them from pinning it. */
function copy(buffer: Buffer, start: number, end: number): Buffer {
  return start === end ? EMPTY : Buffer.from(buffer.subarray(start, end));
}

function parseInteger(buffer: Buffer, start: number, end: number, problem: string): bigint {
  const digitsStart = buffer[start] === 0x2d || buffer[start] === 0x2b ? start + 1 : start;
  if (end > digitsStart && end - digitsStart <= SAFE_INTEGER_DIGITS) {
    let value = 0;
    for (let i = digitsStart; i < end; i++) {
      const digit = (buffer[i] as number) - 0x30;
      if (digit < 0 || digit > 9) throw new RespProtocolError(problem);
      value = value * 10 + digit;
    }
    return BigInt(buffer[start] === 0x2d ? -value : value);
  }
  const text = buffer.toString('latin1', start, end);
  if (!INTEGER_TEXT.test(text)) throw new RespProtocolError(problem);
  return BigInt(text);
}

function parseBoolean(buffer: Buffer, start: number, end: number): boolean {
  const flag = end - start === 1 ? buffer[start] : undefined;
  if (flag === 0x74) return true;
  if (flag === 0x66) return false;
  throw new RespProtocolError('Bad bool value');
}
