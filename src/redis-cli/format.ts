/**
 * What redis-cli 7.0 writes to stdout for a reply: cliFormatReplyTTY
 * (STANDARD, `--no-raw`) and cliFormatReplyRaw (RAW, `--raw`), with the
 * default `-d`/`-D` delimiters (`\n`).
 */
import type { Reply } from '../resp/types.js';
import { quoteBytes } from '../resp/quote-bytes.js';
import { cString } from './split-args.js';

export type OutputMode = 'standard' | 'raw';

/**
 * redis-cli 7.0 has no formatter for RESP3 big numbers (hiredis type 13): it
 * prints `Unknown reply type: 13` to stderr and exits with status 1, before
 * writing anything of the reply, even when the big number is nested. The
 * formatters throw this so the CLI can do the same.
 */
export class UnknownReplyTypeError extends Error {
  readonly exitCode = 1;
  /** The exact stderr line, newline included. */
  readonly stderr = 'Unknown reply type: 13\n';

  constructor() {
    super('Unknown reply type: 13');
    this.name = 'UnknownReplyTypeError';
  }
}

const NEWLINE = Buffer.from('\n');

/** The reply printed as a command's answer, trailing newline/delimiter included. */
export function formatReply(reply: Reply, mode: OutputMode): Buffer {
  if (mode === 'raw') return Buffer.concat([...rawParts(reply), NEWLINE]);
  return Buffer.concat(standardParts(reply, ''));
}

/**
 * Like formatReply, but for the commands redis-cli always prints raw and
 * without a delimiter in either mode (spec 2.3): the server's text byte for
 * byte, errors without `(error) `.
 */
export function formatReplyForCommand(args: readonly Buffer[], reply: Reply, mode: OutputMode): Buffer {
  if (isAlwaysPrintedRaw(args)) return Buffer.concat(rawParts(reply));
  return formatReply(reply, mode);
}

/**
 * A RESP3 push printed as it arrives. In STANDARD mode an invalidation
 * (`invalidate` + array of keys) gets its own one-line form; a flush
 * invalidation (keys = nil) and every other push print like a reply.
 */
export function formatPush(push: Reply, mode: OutputMode): Buffer {
  if (mode === 'standard') {
    const keys = invalidatedKeys(push);
    if (keys !== null) {
      const quoted = keys.map((key) => `'${cString(key).toString('latin1')}'`).join(', ');
      return Buffer.from(`-> invalidate: ${quoted}\n`, 'latin1');
    }
  }
  return formatReply(push, mode);
}

function invalidatedKeys(push: Reply): Buffer[] | null {
  if (push.type !== 'push' || push.items.length !== 2) return null;
  const [kind, keys] = push.items as [Reply, Reply];
  if (kind.type !== 'bulk' || !kind.value.subarray(0, 10).equals(INVALIDATE)) return null;
  if (keys.type !== 'array') return null;
  // redis-cli asserts every key is a bulk string; a server never sends anything else.
  return keys.items.map((key) => (key.type === 'bulk' ? key.value : Buffer.alloc(0)));
}

const INVALIDATE = Buffer.from('invalidate');

/** Commands matched with strcasecmp, i.e. on the bytes before any NUL. */
function isAlwaysPrintedRaw(args: readonly Buffer[]): boolean {
  const name = wordAt(args, 0);
  const sub = wordAt(args, 1);
  const argc = args.length;
  if (name === 'info' || name === 'lolwut') return true;
  if (argc < 2) return false;
  switch (name) {
    case 'debug':
      return sub === 'htstats' || sub === 'htstats-key' || sub === 'client-eviction';
    case 'memory':
      return sub === 'malloc-stats' || sub === 'doctor';
    case 'cluster':
      return argc === 2 && (sub === 'nodes' || sub === 'info');
    case 'client':
      return sub === 'list' || sub === 'info';
    case 'latency':
      return (argc === 3 && sub === 'graph') || (argc === 2 && sub === 'doctor');
    case 'proxy':
      return sub === 'info';
    default:
      return false;
  }
}

function wordAt(args: readonly Buffer[], index: number): string | undefined {
  const arg = args[index];
  return arg === undefined ? undefined : cString(arg).toString('latin1').toLowerCase();
}

function ascii(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

const EMPTY_AGGREGATE: Readonly<Record<'array' | 'map' | 'set' | 'push', string>> = {
  array: '(empty array)\n',
  map: '(empty hash)\n',
  set: '(empty set)\n',
  push: '(empty push)\n',
};

const INDEX_SEPARATOR: Readonly<Record<'array' | 'map' | 'set' | 'push', string>> = {
  array: ')',
  map: '#',
  set: '~',
  push: ')',
};

function standardParts(reply: Reply, prefix: string): Buffer[] {
  switch (reply.type) {
    // Status and error text go through C string functions there, so a NUL ends them.
    case 'status':
      return [cString(reply.value), NEWLINE];
    case 'error':
      return [ascii('(error) '), cString(reply.value), NEWLINE];
    case 'integer':
      return [ascii(`(integer) ${reply.value}\n`)];
    case 'double':
      return [ascii(`(double) ${reply.value}\n`)];
    case 'bulk':
      return [quoteBytes(reply.value), NEWLINE];
    case 'verbatim':
      return [reply.value, NEWLINE];
    case 'nil':
      return [ascii('(nil)\n')];
    case 'boolean':
      return [ascii(reply.value ? '(true)\n' : '(false)\n')];
    case 'bignum':
      throw new UnknownReplyTypeError();
    case 'array':
    case 'set':
    case 'push':
    case 'map':
      return standardAggregateParts(reply, prefix);
  }
}

type Aggregate = Extract<Reply, { type: 'array' | 'set' | 'push' | 'map' }>;

function entryCount(reply: Aggregate): number {
  return reply.type === 'map' ? reply.entries.length : reply.items.length;
}

function standardAggregateParts(reply: Aggregate, prefix: string): Buffer[] {
  const count = entryCount(reply);
  if (count === 0) return [ascii(EMPTY_AGGREGATE[reply.type])];
  const width = String(count).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  const separator = INDEX_SEPARATOR[reply.type];
  // The caller has already written this line's start, so entry 1 gets no prefix.
  const entryStart = (index: number): Buffer =>
    ascii(`${index === 0 ? '' : prefix}${String(index + 1).padStart(width)}${separator} `);

  const parts: Buffer[] = [];
  if (reply.type !== 'map') {
    reply.items.forEach((item, index) => {
      parts.push(entryStart(index), ...standardParts(item, childPrefix));
    });
    return parts;
  }
  reply.entries.forEach(([key, value], index) => {
    const keyParts = standardParts(key, childPrefix);
    parts.push(entryStart(index), ...withoutFinalNewline(keyParts), ascii(' => '));
    if (isMultiLine(value)) parts.push(ascii(`\n${childPrefix}`));
    parts.push(...standardParts(value, childPrefix));
  });
  return parts;
}

function withoutFinalNewline(parts: Buffer[]): Buffer[] {
  const last = parts[parts.length - 1] as Buffer;
  return [...parts.slice(0, -1), last.subarray(0, last.length - 1)];
}

/** Decides whether a map value starts on the key's line or below it. */
function isMultiLine(reply: Reply): boolean {
  switch (reply.type) {
    case 'array':
    case 'set':
    case 'push': {
      const [only, ...more] = reply.items;
      return more.length > 0 || (only !== undefined && isMultiLine(only));
    }
    case 'map': {
      const [only, ...more] = reply.entries;
      return more.length > 0 || (only !== undefined && isMultiLine(only[1]));
    }
    default:
      return false;
  }
}

function rawParts(reply: Reply): Buffer[] {
  switch (reply.type) {
    case 'nil':
      return [];
    case 'error':
      return [reply.value, NEWLINE];
    case 'status':
    case 'bulk':
    case 'verbatim':
      return [reply.value];
    case 'boolean':
      return [ascii(reply.value ? '(true)' : '(false)')];
    case 'integer':
      return [ascii(String(reply.value))];
    case 'double':
      return [ascii(reply.value)];
    case 'bignum':
      throw new UnknownReplyTypeError();
    case 'array':
    case 'set':
    case 'push':
      return reply.items.flatMap((item, index) => (index === 0 ? rawParts(item) : [NEWLINE, ...rawParts(item)]));
    case 'map':
      return reply.entries.flatMap(([key, value], index) => [
        ...(index === 0 ? [] : [NEWLINE]),
        ...rawParts(key),
        ascii(' '),
        ...rawParts(value),
      ]);
  }
}
