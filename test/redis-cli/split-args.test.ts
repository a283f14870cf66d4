import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReply } from '../../src/redis-cli/format.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

/** Expected arguments are written one byte per char (latin1) so every byte is explicit. */
const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const utf8 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');
const shown = (args: Buffer[] | null): string[] | null => args && args.map((arg) => arg.toString('latin1'));

describe('splitArgs: the spec examples', () => {
  it.each<[string, string | Buffer, string[] | null]>([
    [
      'double-quote escapes',
      'echo "a\\nb\\r\\tc\\b\\a\\\\d\\"e\\x41\\x4g\\xzz\\q"',
      ['echo', 'a\nb\r\tc\b\x07\\d"eAx4gxzzq'],
    ],
    [
      'single quotes only unescape \\\'',
      `eval "return ARGV" 0 'it\\'s' 'a\\nb' 'x\\\\y' 'q"q' 'a\\tb'`,
      ['eval', 'return ARGV', '0', "it's", 'a\\nb', 'x\\\\y', 'q"q', 'a\\tb'],
    ],
    ['empty quoted strings', `"" '' x`, ['', '', 'x']],
    ['quotes opening mid-token', `a'b c'`, ['ab c']],
    ['unquoted backslash is literal', 'a\\nb', ['a\\nb']],
    ['backslash then a quoted part', 'a\\"b"', ['a\\b']],
    ['utf-8 passes through', '"héllo" 日本 "\\xe6\\x97\\xa5"', [utf8('héllo'), utf8('日本'), '\xe6\x97\xa5']],
    ['hex escapes of any byte, either case', '"\\x00\\x01\\x7f\\x80\\xff\\xAb\\xaB"', ['\x00\x01\x7f\x80\xff\xab\xab']],
    ['unknown escapes stand for themselves', '"\\e\\0\\v\\f"', ['e0vf']],
    ['closing quote then TAB', '"x"\ty', ['x', 'y']],
    ['closing quote then VT', '"x"\vy', ['x', 'y']],
    ['closing single quote then FF', "'x'\fy", ['x', 'y']],
    ['closing quote then CR', '"x"\ry', ['x', 'y']],
    ['VT inside an unquoted token', 'a\vb', ['a\vb']],
    ['FF inside an unquoted token', 'a\fb', ['a\fb']],
    ['leading VT skipped', '\vping', ['ping']],
    ['trailing VT kept', 'ping\v', ['ping\v']],
    ['CRLF line end', 'ping\r', ['ping']],
    ['runs of mixed whitespace', ' \t get \r\n k\t', ['get', 'k']],
    ['empty line', '', []],
    ['all whitespace', ' \t\v\f\r ', []],
    ['NUL ends the line (C string)', bytes('echo a\x00b c'), ['echo', 'a']],
    ['bytes >= 0x80 unquoted', bytes('\x80\xff \xc3'), ['\x80\xff', '\xc3']],
    ['escaped quote closes nothing', '"a\\"b"', ['a"b']],
    ['"\\x" followed by one hex digit', '"\\x4"', ['x4']],
    ['echo "unbalanced', 'echo "unbalanced', null],
    ["echo 'unbal", "echo 'unbal", null],
    ['echo "foo"bar', 'echo "foo"bar', null],
    ["echo 'foo'bar", "echo 'foo'bar", null],
    ['a"b c"d', 'eval "return ARGV" 0 a"b c"d', null],
    ['trailing backslash inside quotes', 'echo "trail\\', null],
    ['only an escaped quote', 'echo "\\"', null],
    ['echo a"b"c', 'echo a"b"c', null],
    ["'a\\'", "'a\\'", null],
    ["'a\\' b", "'a\\' b", null],
    ['NUL inside quotes is an unterminated quote', bytes('echo "x\x00y"'), null],
  ])('%s', (_name, line, expected) => {
    expect(shown(splitArgs(line))).toEqual(expected);
  });

  it('accepts Buffer and string input alike', () => {
    const line = 'set "k é" \'v\'';
    expect(splitArgs(Buffer.from(line, 'utf8'))).toEqual(splitArgs(line));
  });
});

/** Small, seeded, deterministic: mulberry32. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const piece = (random: () => number, from: readonly string[]): string => from[Math.floor(random() * from.length)] as string;

const SEPARATORS = [' ', ' ', ' ', '  ', '\t', '\r', '\v', '\f', ' \v '];
/** Inside double quotes: every escape form, including broken \x ones and \ before a quote. */
const DOUBLE_QUOTED = ['a', 'b', 'x', ' ', "'", 'é', '日', '\\n', '\\r', '\\t', '\\b', '\\a', '\\e', '\\0', '\\"', '\\\\', '\\x41', '\\xfF', '\\x0a', '\\x4g', '\\xZ1', '\\x', '\\q', '\t', '\v'];
const SINGLE_QUOTED = ['a', 'b', ' ', '"', 'é', '\\', "\\'", '\\n', '\\x41', '\t', '\v', '\f'];
const UNQUOTED = ['a', 'b', 'x', '0', '1', '-', 'é', '日', '\\', '\\n', '\\x41', '\v', '\f'];
/** Anything goes: produces the malformed lines. */
const CHAOS = ['"', "'", '\\', '\\x', ' ', '\t', '\v', 'a', 'x', '4', 'F', '""', "''", '\\"', "\\'", 'é'];

function randomToken(random: () => number): string {
  const repeat = (from: readonly string[], max: number): string =>
    Array.from({ length: Math.floor(random() * max) }, () => piece(random, from)).join('');
  const kind = random();
  if (kind < 0.3) return repeat(UNQUOTED, 6) + 'u';
  if (kind < 0.6) return repeat(UNQUOTED, 2) + '"' + repeat(DOUBLE_QUOTED, 6) + '"';
  if (kind < 0.85) return repeat(UNQUOTED, 2) + "'" + repeat(SINGLE_QUOTED, 6) + "'";
  return repeat(CHAOS, 5);
}

function randomLine(random: () => number): Buffer {
  const parts: Buffer[] = [];
  const tokens = random() < 0.03 ? 0 : 1 + Math.floor(random() * 5);
  for (let i = 0; i < tokens; i++) {
    parts.push(Buffer.from(piece(random, SEPARATORS) + randomToken(random), 'utf8'));
  }
  if (random() < 0.3) parts.push(Buffer.from(piece(random, SEPARATORS), 'utf8'));
  // Now and then a raw byte, to cover 0x01-0x1f, 0x7f and >= 0x80 outside UTF-8. Never LF or NUL.
  if (random() < 0.1) {
    const byte = Math.floor(random() * 254) + 1;
    parts.splice(Math.floor(random() * (parts.length + 1)), 0, Buffer.of(byte === 0x0a ? 0xff : byte));
  }
  return Buffer.concat(parts);
}

describe('splitArgs: randomized differential test against redis-cli', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('splits 10,000 random lines exactly like redis-cli 7.0', () => {
    const random = prng(0x5eed_c11);
    const lines = Array.from({ length: 10_000 }, () => randomLine(random));
    // EVAL echoes its ARGV back, so redis-cli's own output shows how it split the line.
    const prefix = Buffer.from('eval "return ARGV" 0 ');
    const input = Buffer.concat(lines.flatMap((line) => [prefix, line, Buffer.from('\n')]));
    const run = spawnSync('redis-cli', ['-p', String(server.port), '--no-raw'], { input, maxBuffer: 64 << 20 });
    expect(run.status).toBe(0);
    const actual = run.stdout;

    const mismatches: Array<{ line: string; expected: string; actual: string }> = [];
    let offset = 0;
    for (const line of lines) {
      const args = splitArgs(line);
      const expected =
        args === null
          ? Buffer.from('Invalid argument(s)\n')
          : formatReply({ type: 'array', items: args.map((value) => ({ type: 'bulk', value })) }, 'standard');
      const got = actual.subarray(offset, offset + expected.length);
      if (!got.equals(expected) && mismatches.length < 5) {
        mismatches.push({ line: line.toString('latin1'), expected: expected.toString('latin1'), actual: got.toString('latin1') });
      }
      offset += expected.length;
    }
    // The generator must keep exercising both outcomes, or the comparison proves little.
    const invalid = lines.filter((line) => splitArgs(line) === null).length;
    expect(invalid).toBeGreaterThan(1_000);
    expect(lines.length - invalid).toBeGreaterThan(5_000);
    expect(mismatches).toEqual([]);
    expect(offset).toBe(actual.length);
  });
});
