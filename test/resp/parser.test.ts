import { describe, expect, it } from 'vitest';
import { RespParser, RespProtocolError } from '../../src/resp/parser.js';
import type { Reply } from '../../src/resp/types.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

function parseChunks(chunks: Buffer[]): Reply[] {
  const replies: Reply[] = [];
  const parser = new RespParser((reply) => replies.push(reply));
  for (const chunk of chunks) parser.feed(chunk);
  return replies;
}

const CASES: Array<[string, string, Reply]> = [
  ['status', '+OK\r\n', { type: 'status', value: latin1('OK') }],
  ['status with a bare LF', '+a\nb\r\n', { type: 'status', value: latin1('a\nb') }],
  ['error', '-ERR unknown command \r\n', { type: 'error', value: latin1('ERR unknown command ') }],
  ['zero', ':0\r\n', { type: 'integer', value: 0n }],
  ['negative integer', ':-123\r\n', { type: 'integer', value: -123n }],
  ['int64 max', ':9223372036854775807\r\n', { type: 'integer', value: 9223372036854775807n }],
  ['int64 min', ':-9223372036854775808\r\n', { type: 'integer', value: -9223372036854775808n }],
  ['bulk', '$3\r\nfoo\r\n', { type: 'bulk', value: latin1('foo') }],
  ['empty bulk', '$0\r\n\r\n', { type: 'bulk', value: latin1('') }],
  ['bulk holding CRLF and binary', '$6\r\na\r\n\x00\xff\n\r\n', { type: 'bulk', value: latin1('a\r\n\x00\xff\n') }],
  ['RESP2 nil bulk', '$-1\r\n', { type: 'nil' }],
  ['RESP2 nil array', '*-1\r\n', { type: 'nil' }],
  ['empty array', '*0\r\n', { type: 'array', items: [] }],
  [
    'array',
    '*3\r\n$1\r\na\r\n:1\r\n$-1\r\n',
    { type: 'array', items: [{ type: 'bulk', value: latin1('a') }, { type: 'integer', value: 1n }, { type: 'nil' }] },
  ],
  [
    'nested 3 deep',
    '*2\r\n*2\r\n*1\r\n:3\r\n*0\r\n_\r\n',
    {
      type: 'array',
      items: [
        { type: 'array', items: [{ type: 'array', items: [{ type: 'integer', value: 3n }] }, { type: 'array', items: [] }] },
        { type: 'nil' },
      ],
    },
  ],
  ['RESP3 null', '_\r\n', { type: 'nil' }],
  ['double', ',1.5\r\n', { type: 'double', value: '1.5' }],
  ['double inf', ',-inf\r\n', { type: 'double', value: '-inf' }],
  ['true', '#t\r\n', { type: 'boolean', value: true }],
  ['false', '#f\r\n', { type: 'boolean', value: false }],
  [
    'verbatim',
    '=23\r\ntxt:This is a\r\nverbatim\r\n',
    { type: 'verbatim', format: 'txt', value: latin1('This is a\r\nverbatim') },
  ],
  ['empty verbatim payload', '=4\r\nmkd:\r\n', { type: 'verbatim', format: 'mkd', value: latin1('') }],
  ['big number', '(3492890328409238509324850943850943825024385\r\n', { type: 'bignum', value: '3492890328409238509324850943850943825024385' }],
  ['blob error', '!21\r\nSYNTAX invalid syntax\r\n', { type: 'error', value: latin1('SYNTAX invalid syntax') }],
  [
    'map',
    '%2\r\n+a\r\n:1\r\n$1\r\nb\r\n*1\r\n#t\r\n',
    {
      type: 'map',
      entries: [
        [{ type: 'status', value: latin1('a') }, { type: 'integer', value: 1n }],
        [{ type: 'bulk', value: latin1('b') }, { type: 'array', items: [{ type: 'boolean', value: true }] }],
      ],
    },
  ],
  ['empty map', '%0\r\n', { type: 'map', entries: [] }],
  ['set', '~2\r\n:1\r\n:2\r\n', { type: 'set', items: [{ type: 'integer', value: 1n }, { type: 'integer', value: 2n }] }],
  ['empty set', '~0\r\n', { type: 'set', items: [] }],
  [
    'push',
    '>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n',
    { type: 'push', items: ['message', 'ch', 'hi'].map((text): Reply => ({ type: 'bulk', value: latin1(text) })) },
  ],
  [
    'map nested in a set in a push',
    '>1\r\n~1\r\n%1\r\n:1\r\n%0\r\n',
    { type: 'push', items: [{ type: 'set', items: [{ type: 'map', entries: [[{ type: 'integer', value: 1n }, { type: 'map', entries: [] }]] }] }] },
  ],
];

const STREAM = latin1(CASES.map(([, wire]) => wire).join(''));
const EXPECTED = CASES.map(([, , reply]) => reply);

describe('RespParser: every reply type', () => {
  it.each(CASES)('%s', (_name, wire, expected) => {
    expect(parseChunks([latin1(wire)])).toEqual([expected]);
  });
});

describe('RespParser: chunking never changes the result', () => {
  it.each(Array.from({ length: STREAM.length - 1 }, (_, i) => i + 1))('split at byte %i', (at) => {
    expect(parseChunks([STREAM.subarray(0, at), STREAM.subarray(at)])).toEqual(EXPECTED);
  });

  it('one byte at a time', () => {
    const bytes = Array.from({ length: STREAM.length }, (_, i) => STREAM.subarray(i, i + 1));
    expect(parseChunks(bytes)).toEqual(EXPECTED);
  });

  it('empty chunks in between', () => {
    const empty = Buffer.alloc(0);
    expect(parseChunks([empty, STREAM.subarray(0, 7), empty, empty, STREAM.subarray(7), empty])).toEqual(EXPECTED);
  });

  it('replies come out as soon as they are complete', () => {
    const replies: Reply[] = [];
    const parser = new RespParser((reply) => replies.push(reply));
    parser.feed(latin1('+OK\r\n*2\r\n:1\r\n'));
    expect(replies).toEqual([{ type: 'status', value: latin1('OK') }]);
    parser.feed(latin1(':2\r\n+P'));
    expect(replies).toHaveLength(2);
    parser.feed(latin1('ONG\r'));
    expect(replies).toHaveLength(2);
    parser.feed(latin1('\n'));
    expect(replies[2]).toEqual({ type: 'status', value: latin1('PONG') });
  });
});

// How fast these parse (linear, not quadratic, in the input) is a figure of `npm run bench`.
describe('RespParser: large input', () => {
  it('an 8 MB bulk string in 1 KB chunks', () => {
    const payload = Buffer.alloc(8 << 20, 0x61);
    const wire = Buffer.concat([latin1(`$${payload.length}\r\n`), payload, latin1('\r\n')]);
    const chunks = Array.from({ length: Math.ceil(wire.length / 1024) }, (_, i) => wire.subarray(i * 1024, (i + 1) * 1024));
    const replies = parseChunks(chunks);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    // Buffer.equals: a deep toEqual over 8 MB would take longer than the parse.
    expect(reply?.type === 'bulk' && reply.value.equals(payload)).toBe(true);
  });

  it('a 200,000-element array in 4 KB chunks', () => {
    const wire = latin1(`*200000\r\n${':7\r\n'.repeat(200_000)}`);
    const chunks = Array.from({ length: Math.ceil(wire.length / 4096) }, (_, i) => wire.subarray(i * 4096, (i + 1) * 4096));
    const [reply] = parseChunks(chunks);
    expect(reply?.type === 'array' && reply.items.length).toBe(200_000);
  });

  it('20,000 pipelined replies in 64 KB chunks', () => {
    const one = '*2\r\n$5\r\nvalue\r\n:12345\r\n';
    const wire = latin1(one.repeat(20_000));
    const chunks = Array.from({ length: Math.ceil(wire.length / 65536) }, (_, i) => wire.subarray(i * 65536, (i + 1) * 65536));
    const replies = parseChunks(chunks);
    expect(replies).toHaveLength(20_000);
    expect(replies[19_999]).toEqual({ type: 'array', items: [{ type: 'bulk', value: latin1('value') }, { type: 'integer', value: 12345n }] });
  });
});

describe('RespParser: protocol errors', () => {
  it.each<[string, string, string]>([
    ['attribute, as hiredis 1.0 reports it', '|1\r\n+key\r\n+val\r\n+OK\r\n', 'Protocol error, got "|" as reply type byte'],
    ['unknown type byte', '?x\r\n', 'Protocol error, got "?" as reply type byte'],
    ['unprintable type byte', '\x01\r\n', 'Protocol error, got "\\x01" as reply type byte'],
    ['bad integer', ':12a\r\n', 'Bad integer value'],
    ['empty integer', ':\r\n', 'Bad integer value'],
    ['bad bulk length', '$x\r\n', 'Bad bulk string length'],
    ['negative bulk length', '$-2\r\n', 'Bad bulk string length'],
    ['bad aggregate length', '*-5\r\n', 'Bad multi-bulk length'],
    ['bad boolean', '#x\r\n', 'Bad bool value'],
    ['verbatim without a format', '=3\r\nabc\r\n', 'Verbatim string 4 bytes of content type are missing or incorrectly encoded.'],
  ])('%s', (_name, wire, message) => {
    const parser = new RespParser(() => undefined);
    expect(() => parser.feed(latin1(wire))).toThrow(new RespProtocolError(message));
    // The stream cannot be resynchronised after a protocol error.
    expect(() => parser.feed(latin1('+OK\r\n'))).toThrow(RespProtocolError);
  });

  it('replies before the bad byte are still delivered', () => {
    const replies: Reply[] = [];
    const parser = new RespParser((reply) => replies.push(reply));
    expect(() => parser.feed(latin1('+OK\r\n|1\r\n'))).toThrow(RespProtocolError);
    expect(replies).toEqual([{ type: 'status', value: latin1('OK') }]);
  });
});
