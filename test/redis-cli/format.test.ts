import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatPush,
  formatReply,
  formatReplyForCommand,
  UnknownReplyTypeError,
  type OutputMode,
} from '../../src/redis-cli/format.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';
import { RespConnection } from '../../src/resp/connection.js';
import type { Reply } from '../../src/resp/types.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');
const bulk = (text: string): Reply => ({ type: 'bulk', value: latin1(text) });
const status = (text: string): Reply => ({ type: 'status', value: latin1(text) });
const error = (text: string): Reply => ({ type: 'error', value: latin1(text) });
const int = (value: number): Reply => ({ type: 'integer', value: BigInt(value) });
const array = (...items: Reply[]): Reply => ({ type: 'array', items });
const set = (...items: Reply[]): Reply => ({ type: 'set', items });
const push = (...items: Reply[]): Reply => ({ type: 'push', items });
const map = (...entries: Array<[Reply, Reply]>): Reply => ({ type: 'map', entries });
const ints = (count: number): Reply[] => Array.from({ length: count }, (_, i) => int(i + 1));
const nil: Reply = { type: 'nil' };

const formatted = (reply: Reply, mode: OutputMode): string => formatReply(reply, mode).toString('latin1');

describe('formatReply, STANDARD mode', () => {
  it.each<[string, Reply, string]>([
    ['status, never quoted', status('FOO BAR'), 'FOO BAR\n'],
    ['status with odd bytes', status('a"\x01\xff'), 'a"\x01\xff\n'],
    ['status text stops at NUL (C string)', status('a\x00b'), 'a\n'],
    ['error keeps its trailing space', error('MYERR something '), '(error) MYERR something \n'],
    ['error without ERR prefix', error('no prefix'), '(error) no prefix\n'],
    ['integer', int(42), '(integer) 42\n'],
    ['negative 64-bit integer', { type: 'integer', value: -(2n ** 63n) }, '(integer) -9223372036854775808\n'],
    ['bulk string', bulk('v'), '"v"\n'],
    ['empty bulk string', bulk(''), '""\n'],
    ['bulk escapes', bulk('h\xc3\xa9llo\n\r\t\x07\x08\\"\' ~\x00\x1f\x7f\x80\xff'), '"h\\xc3\\xa9llo\\n\\r\\t\\a\\b\\\\\\"\' ~\\x00\\x1f\\x7f\\x80\\xff"\n'],
    ['nil', nil, '(nil)\n'],
    ['double, the server text as is', { type: 'double', value: '0.10000000000000001' }, '(double) 0.10000000000000001\n'],
    ['double inf', { type: 'double', value: '-inf' }, '(double) -inf\n'],
    ['true', { type: 'boolean', value: true }, '(true)\n'],
    ['false', { type: 'boolean', value: false }, '(false)\n'],
    ['verbatim: payload raw, format dropped', { type: 'verbatim', format: 'txt', value: latin1('This is a verbatim\nstring') }, 'This is a verbatim\nstring\n'],
    ['empty array', array(), '(empty array)\n'],
    ['empty map', map(), '(empty hash)\n'],
    ['empty set', set(), '(empty set)\n'],
    ['empty push', push(), '(empty push)\n'],
    ['array of a nil', array(bulk('v'), nil), '1) "v"\n2) (nil)\n'],
    [
      'nesting 3 deep with an empty array',
      array(int(1), array(int(2), array(int(3), bulk('x'))), array()),
      '1) (integer) 1\n2) 1) (integer) 2\n   2) 1) (integer) 3\n      2) "x"\n3) (empty array)\n',
    ],
    ['array of an empty array', array(array()), '1) (empty array)\n'],
    [
      '11 items: width 2',
      array(...ints(10), array(int(1), int(2))),
      ' 1) (integer) 1\n 2) (integer) 2\n 3) (integer) 3\n 4) (integer) 4\n 5) (integer) 5\n 6) (integer) 6\n' +
        ' 7) (integer) 7\n 8) (integer) 8\n 9) (integer) 9\n10) (integer) 10\n11) 1) (integer) 1\n    2) (integer) 2\n',
    ],
    [
      '10 items nested in a 1-item array',
      array(array(...ints(10))),
      '1)  1) (integer) 1\n' +
        Array.from({ length: 8 }, (_, i) => `    ${i + 2}) (integer) ${i + 2}\n`).join('') +
        '   10) (integer) 10\n',
    ],
    [
      '100 items: width 3',
      array(...ints(100)),
      Array.from({ length: 100 }, (_, i) => `${String(i + 1).padStart(3)}) (integer) ${i + 1}\n`).join(''),
    ],
    ['transaction results', array(status('OK'), error('ERR DB index is out of range')), '1) OK\n2) (error) ERR DB index is out of range\n'],
    ['set of simple strings', set(status('readonly'), status('fast')), '1~ readonly\n2~ fast\n'],
    [
      'map of scalars',
      map([int(0), { type: 'boolean', value: false }], [int(1), { type: 'boolean', value: true }]),
      '1# (integer) 0 => (false)\n2# (integer) 1 => (true)\n',
    ],
    ['map value: 1-element array stays on the key line', map([bulk('a'), array(bulk('x'))]), '1# "a" => 1) "x"\n'],
    ['map value: 1-pair map stays on the key line', map([bulk('c'), map([bulk('d'), int(1)])]), '1# "c" => 1# "d" => (integer) 1\n'],
    [
      'map value: multi-line array goes below, leaving "=> "',
      map([bulk('b'), array(int(1), array(int(2), int(3)))]),
      '1# "b" => \n   1) (integer) 1\n   2) 1) (integer) 2\n      2) (integer) 3\n',
    ],
    [
      'map value: 1-element array of a multi-line array is multi-line',
      map([bulk('b'), array(array(int(1), int(2)))]),
      '1# "b" => \n   1) 1) (integer) 1\n      2) (integer) 2\n',
    ],
    [
      'map value: 1-pair map whose value is multi-line is multi-line',
      map([bulk('b'), map([bulk('c'), set(int(1), int(2))])]),
      '1# "b" => \n   1# "c" => \n      1~ (integer) 1\n      2~ (integer) 2\n',
    ],
    ['map value: empty aggregate stays inline', map([bulk('modules'), array()]), '1# "modules" => (empty array)\n'],
    [
      'map value: verbatim with a newline counts as single-line',
      map([bulk('v'), { type: 'verbatim', format: 'txt', value: latin1('a\nb') }]),
      '1# "v" => a\nb\n',
    ],
    [
      'map key that is itself an aggregate',
      map([array(int(1), int(2)), bulk('v')]),
      '1# 1) (integer) 1\n   2) (integer) 2 => "v"\n',
    ],
    [
      'map with 10 pairs: width 2, multi-line value indented by 4',
      map(...ints(9).map((key): [Reply, Reply] => [key, nil]), [bulk('last'), array(bulk('1-1'), array(bulk('f'), bulk('v')))]),
      Array.from({ length: 9 }, (_, i) => ` ${i + 1}# (integer) ${i + 1} => (nil)\n`).join('') +
        '10# "last" => \n    1) "1-1"\n    2) 1) "f"\n       2) "v"\n',
    ],
    [
      'map inside an array inside a map (command docs shape)',
      map([bulk('get'), map([bulk('summary'), bulk('s')], [bulk('arguments'), array(map([bulk('name'), bulk('key')], [bulk('type'), bulk('key')]))])]),
      '1# "get" => \n   1# "summary" => "s"\n   2# "arguments" => \n      1) 1# "name" => "key"\n         2# "type" => "key"\n',
    ],
    ['push like an array', push(bulk('server-cpu-usage'), int(42)), '1) "server-cpu-usage"\n2) (integer) 42\n'],
  ])('%s', (_name, reply, expected) => {
    expect(formatted(reply, 'standard')).toBe(expected);
  });
});

describe('formatReply, RAW mode', () => {
  it.each<[string, Reply, string]>([
    ['status', status('OK'), 'OK\n'],
    ['error: a blank line follows', error('ERR value is not an integer or out of range'), 'ERR value is not an integer or out of range\n\n'],
    ['error keeps NUL and trailing space', error('E a\x00b '), 'E a\x00b \n\n'],
    ['integer', int(-4), '-4\n'],
    ['bulk bytes as they are', bulk('h\xc3\xa9llo\n'), 'h\xc3\xa9llo\n\n'],
    ['empty bulk', bulk(''), '\n'],
    ['nil', nil, '\n'],
    ['double', { type: 'double', value: '3.141' }, '3.141\n'],
    ['boolean', { type: 'boolean', value: true }, '(true)\n'],
    ['verbatim', { type: 'verbatim', format: 'txt', value: latin1('This is a verbatim\nstring') }, 'This is a verbatim\nstring\n'],
    ['array flattens nested arrays', array(int(1), array(int(2), array(int(3), bulk('x'))), array()), '1\n2\n3\nx\n\n'],
    ['array with an empty element', array(bulk('a'), bulk('b c'), bulk('\x00\xff\n'), bulk('')), 'a\nb c\n\x00\xff\n\n\n'],
    ['empty array', array(), '\n'],
    ['error inside an array', array(status('OK'), error('ERR x')), 'OK\nERR x\n\n'],
    ['set', set(int(0), int(1), int(2)), '0\n1\n2\n'],
    ['map: key space value', map([int(0), { type: 'boolean', value: false }], [int(1), { type: 'boolean', value: true }]), '0 (false)\n1 (true)\n'],
    ['map with an empty array value', map([bulk('proto'), int(3)], [bulk('modules'), array()]), 'proto 3\nmodules \n'],
    ['map with an array value', map([bulk('k'), array(bulk('a'), bulk('b'))]), 'k a\nb\n'],
    ['push', push(bulk('message'), bulk('ch'), bulk('hi')), 'message\nch\nhi\n'],
  ])('%s', (_name, reply, expected) => {
    expect(formatted(reply, 'raw')).toBe(expected);
  });
});

describe('big numbers: redis-cli 7.0 dies with "Unknown reply type: 13"', () => {
  const bignum: Reply = { type: 'bignum', value: '1234567999999999999999999999999999999' };
  it.each<[string, Reply, OutputMode]>([
    ['top level, standard', bignum, 'standard'],
    ['top level, raw', bignum, 'raw'],
    ['nested in a map, standard', map([bulk('k'), array(int(1), bignum)]), 'standard'],
    ['nested in an array, raw', array(int(1), bignum), 'raw'],
  ])('%s', (_name, reply, mode) => {
    expect(() => formatReply(reply, mode)).toThrow(UnknownReplyTypeError);
    expect(() => formatReply(reply, mode)).toThrow(expect.objectContaining({ stderr: 'Unknown reply type: 13\n', exitCode: 1 }));
  });
});

describe('formatReplyForCommand: commands always printed raw without delimiter', () => {
  const info = bulk('# Keyspace\r\ndb0:keys=1\r\n');
  it.each<[string, string, Reply, OutputMode, string]>([
    ['INFO in standard mode', 'info keyspace', info, 'standard', '# Keyspace\r\ndb0:keys=1\r\n'],
    ['INFO in raw mode: no delimiter', 'INFO', info, 'raw', '# Keyspace\r\ndb0:keys=1\r\n'],
    ['empty INFO prints nothing', 'info nosuchsection', bulk(''), 'standard', ''],
    ['error loses (error)', 'client list badarg', error('ERR syntax error'), 'standard', 'ERR syntax error\n'],
    ['CLIENT INFO', 'Client Info', bulk('id=3 addr=x\n'), 'standard', 'id=3 addr=x\n'],
    ['LOLWUT with args', 'lolwut version 5', bulk('art\n'), 'standard', 'art\n'],
    ['DEBUG HTSTATS', 'debug htstats 0', bulk('stats'), 'standard', 'stats'],
    ['DEBUG HTSTATS-KEY', 'debug htstats-key k', bulk('stats'), 'standard', 'stats'],
    ['DEBUG CLIENT-EVICTION', 'debug client-eviction', bulk('stats'), 'standard', 'stats'],
    ['MEMORY DOCTOR', 'memory doctor', bulk('Hi Sam'), 'standard', 'Hi Sam'],
    ['MEMORY MALLOC-STATS', 'memory malloc-stats', bulk('Stats'), 'standard', 'Stats'],
    ['CLUSTER NODES with 2 args', 'cluster nodes', bulk('n'), 'standard', 'n'],
    ['CLUSTER INFO with 3 args is normal', 'cluster info x', bulk('n'), 'standard', '"n"\n'],
    ['LATENCY GRAPH with 3 args', 'latency graph x', error("ERR No samples available for event 'x'"), 'standard', "ERR No samples available for event 'x'\n"],
    ['LATENCY GRAPH with 2 args is normal', 'latency graph', error('ERR wrong'), 'standard', '(error) ERR wrong\n'],
    ['LATENCY DOCTOR with 2 args', 'latency doctor', bulk('Dave'), 'standard', 'Dave'],
    ['LATENCY DOCTOR with 3 args is normal', 'latency doctor x', bulk('Dave'), 'standard', '"Dave"\n'],
    ['PROXY INFO', 'proxy info', bulk('p'), 'standard', 'p'],
    ['an ordinary command', 'get k', bulk('v'), 'standard', '"v"\n'],
    ['an ordinary command in raw mode', 'get k', bulk('v'), 'raw', 'v\n'],
    ['CLIENT alone is normal', 'client', error('ERR wrong'), 'standard', '(error) ERR wrong\n'],
  ])('%s', (_name, line, reply, mode, expected) => {
    const args = splitArgs(line) as Buffer[];
    expect(formatReplyForCommand(args, reply, mode).toString('latin1')).toBe(expected);
  });
});

describe('formatPush', () => {
  const invalidate = (keys: Reply): Reply => push(bulk('invalidate'), keys);
  it.each<[string, Reply, OutputMode, string]>([
    ['invalidation, standard', invalidate(array(bulk('k'))), 'standard', "-> invalidate: 'k'\n"],
    ['invalidation of several keys, raw bytes', invalidate(array(bulk('k1'), bulk('k\xc3\xa9 2'))), 'standard', "-> invalidate: 'k1', 'k\xc3\xa9 2'\n"],
    ['invalidation key stops at NUL', invalidate(array(bulk('a\x00b'))), 'standard', "-> invalidate: 'a'\n"],
    ['flush invalidation (nil keys) prints as a push', invalidate(nil), 'standard', '1) "invalidate"\n2) (nil)\n'],
    ['invalidation in raw mode', invalidate(array(bulk('k1'), bulk('k2'))), 'raw', 'invalidate\nk1\nk2\n'],
    ['generic push', push(bulk('server-cpu-usage'), int(42)), 'standard', '1) "server-cpu-usage"\n2) (integer) 42\n'],
    ['message push', push(bulk('message'), bulk('ch'), bulk('hi')), 'standard', '1) "message"\n2) "ch"\n3) "hi"\n'],
  ])('%s', (_name, reply, mode, expected) => {
    expect(formatPush(reply, mode).toString('latin1')).toBe(expected);
  });
});

/**
 * The same command lines through redis-cli and through RespConnection +
 * formatReplyForCommand must print the same bytes, reply by reply.
 */
describe('formatting real replies exactly like redis-cli', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(['--enable-debug-command', 'yes']);
  });
  afterAll(async () => {
    await server.stop();
  });

  const common = [
    'flushall',
    'get nokey',
    'set k "h\xc3\xa9llo\\n"',
    'get k',
    'incr k',
    'rpush mylist a "b c" "\\x00\\xff\\n" ""',
    'lrange mylist 0 -1',
    'hset h f1 v1 f2 v2',
    'hgetall h',
    'hgetall nohash',
    'smembers noset',
    'zadd z 1.5 a 0.1 b',
    'zrange z 0 -1 withscores',
    'zscore z b',
    'xadd s 1-1 f v',
    'xinfo stream s',
    'command docs get',
    'command info get',
    `eval "return {1,{2,{3,'x'}},{}}" 0`,
    'eval "return {{}}" 0',
    'eval "return {1,2,3,4,5,6,7,8,9,10,{1,2}}" 0',
    'eval "return {{1,2,3,4,5,6,7,8,9,10}}" 0',
    'eval "local t = {} for i = 1, 100 do t[i] = i end return t" 0',
    `eval "return {'a\\\\0b', '\\\\1\\\\127\\\\128\\\\255', 'q\\"\\\\\\\\', ''}" 0`,
    `eval "return redis.status_reply('FOO BAR')" 0`,
    `eval "return redis.error_reply('MYERR something ')" 0`,
    `eval "return {map={a={'x'}}}" 0`,
    'eval "return {map={c={map={d=1}}}}" 0',
    'eval "return {map={b={1,{2,3}}}}" 0',
    'eval "return {double=3.5}" 0',
    'eval "return {set={1,2}}" 0',
    'multi',
    'set a 1',
    'select 99',
    'exec',
    'debug protocol set',
    'debug protocol map',
    'debug protocol double',
    'debug protocol true',
    'debug protocol false',
    'debug protocol null',
    'debug protocol verbatim',
    'info keyspace',
    'info nosuchsection',
    'client list badarg',
    'latency graph x',
    'memory doctor',
  ];

  it.each<OutputMode>(['standard', 'raw'])('a RESP3 big number in %s mode ends redis-cli as the error says', async (mode) => {
    const connection = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    await connection.send([latin1('hello'), latin1('3')]);
    const reply = await connection.send([latin1('debug'), latin1('protocol'), latin1('bignum')]);
    await connection.close();
    let thrown: unknown;
    try {
      formatReply(reply, mode);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownReplyTypeError);

    const flags = ['-p', String(server.port), '-3', mode === 'raw' ? '--raw' : '--no-raw'];
    const run = spawnSync('redis-cli', flags, { input: 'debug protocol bignum\nping\n' });
    expect({ status: run.status, stdout: run.stdout.toString(), stderr: run.stderr.toString() }).toEqual({
      status: (thrown as UnknownReplyTypeError).exitCode,
      stdout: '',
      stderr: (thrown as UnknownReplyTypeError).stderr,
    });
  });

  it.each<OutputMode>(['standard', 'raw'])('RESP3 pushes in %s mode, as redis-cli shows them with FAKETTY', async (mode) => {
    const lines = [
      'flushall',
      'client tracking on',
      'set k v',
      'get k',
      'set k v2',
      'get k',
      'mset a 1 b 2',
      'get a',
      'get b',
      'mset a 3 b 4',
      'ping',
      'flushall',
      'ping',
      'debug protocol push',
    ];
    // Read like hiredis does: pushes are printed as they come, until the command's own reply.
    const connection = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    connection.write([latin1('hello'), latin1('3')]);
    await connection.read();
    const ours: Buffer[] = [];
    for (const line of lines) {
      const args = splitArgs(line) as Buffer[];
      connection.write(args);
      for (;;) {
        const reply = await connection.read();
        if (reply.type !== 'push') {
          ours.push(formatReplyForCommand(args, reply, mode));
          break;
        }
        ours.push(formatPush(reply, mode));
      }
    }
    await connection.close();

    const flags = ['-p', String(server.port), '-3', mode === 'raw' ? '--raw' : '--no-raw'];
    const run = spawnSync('redis-cli', flags, { input: lines.join('\n') + '\n', env: { ...process.env, FAKETTY: '1' } });
    expect(run.stdout.toString('latin1')).toBe(Buffer.concat(ours).toString('latin1'));
    expect(run.stdout.toString('latin1')).toContain(mode === 'standard' ? "-> invalidate: 'k'\n" : 'invalidate\nk\n');
  });

  it.each<[number, OutputMode]>([
    [2, 'standard'],
    [2, 'raw'],
    [3, 'standard'],
    [3, 'raw'],
  ])('RESP%i, %s mode', async (protocol, mode) => {
    const lines = common.map((line) => Buffer.from(line, 'latin1'));
    const connection = await RespConnection.connect({ host: '127.0.0.1', port: server.port, tls: false });
    if (protocol === 3) await connection.send([latin1('hello'), latin1('3')]);
    const ours: Buffer[] = [];
    for (const line of lines) {
      const args = splitArgs(line) as Buffer[];
      ours.push(formatReplyForCommand(args, await connection.send(args), mode));
    }
    await connection.close();

    const flags = ['-p', String(server.port), mode === 'raw' ? '--raw' : '--no-raw', ...(protocol === 3 ? ['-3'] : [])];
    const input = Buffer.concat(lines.flatMap((line) => [line, latin1('\n')]));
    const run = spawnSync('redis-cli', flags, { input });
    expect(run.stderr.toString()).toBe('');

    const theirs = run.stdout;
    let offset = 0;
    const mismatches: Array<{ line: string; ours: string; theirs: string }> = [];
    ours.forEach((output, index) => {
      const slice = theirs.subarray(offset, offset + output.length);
      if (!slice.equals(output)) {
        mismatches.push({ line: common[index] as string, ours: output.toString('latin1'), theirs: slice.toString('latin1') });
      }
      offset += output.length;
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(offset).toBe(theirs.length);
  });
});
