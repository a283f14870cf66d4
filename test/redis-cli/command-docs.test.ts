import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/resp/types.js';
import { buildCommandTable, commandEntries, type CommandHelpEntry, type CommandTable } from '../../src/redis-cli/command-docs.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { fetchCommandDocs } from './line-editor/support/redis-cli-oracle.js';

const bulk = (text: string): Reply => ({ type: 'bulk', value: Buffer.from(text) });
const status = (text: string): Reply => ({ type: 'status', value: Buffer.from(text) });

/** A COMMAND DOCS argument in RESP2 shape: a flat key/value array, flags as an array of status replies. */
function arg(fields: { name: string; type: string; token?: string; flags?: string[]; arguments?: Reply[] }): Reply {
  const items: Reply[] = [bulk('name'), bulk(fields.name), bulk('type'), bulk(fields.type)];
  if (fields.token !== undefined) items.push(bulk('token'), bulk(fields.token));
  if (fields.flags) items.push(bulk('flags'), { type: 'array', items: fields.flags.map(status) });
  if (fields.arguments) items.push(bulk('arguments'), { type: 'array', items: fields.arguments });
  return { type: 'array', items };
}

function docsWithArguments(args: Reply[]): Reply {
  return {
    type: 'array',
    items: [bulk('x'), { type: 'array', items: [bulk('summary'), bulk('s'), bulk('group'), bulk('g'), bulk('arguments'), { type: 'array', items: args }] }],
  };
}

function paramsOf(args: Reply[]): string {
  const table = buildCommandTable(docsWithArguments(args)) as CommandTable;
  return (commandEntries(table)[0] as CommandHelpEntry).params;
}

describe('the params string (spec 4.4)', () => {
  it.each<[string, Reply[], string]>([
    ['a plain key', [arg({ name: 'key', type: 'key' })], 'key'],
    ['value types use the name', ['string', 'integer', 'double', 'pattern', 'unix-time', 'token'].map((type) => arg({ name: type, type })), 'string integer double pattern unix-time token'],
    ['an empty name shows as ""', [arg({ name: '', type: 'string' })], '""'],
    ['a token then the value', [arg({ name: 'seconds', type: 'integer', token: 'EX' })], 'EX seconds'],
    ['an empty token shows as ""', [arg({ name: 'v', type: 'string', token: '' })], '"" v'],
    ['a pure token has no trailing space', [arg({ name: 'nx', type: 'pure-token', token: 'NX' })], 'NX'],
    ['optional wraps in brackets', [arg({ name: 'get', type: 'pure-token', token: 'GET', flags: ['optional'] })], '[GET]'],
    ['multiple repeats the value', [arg({ name: 'key', type: 'key', flags: ['multiple'] })], 'key [key ...]'],
    [
      'multiple_token repeats the token too',
      [arg({ name: 'client-id', type: 'integer', token: 'ID', flags: ['optional', 'multiple', 'multiple_token'] })],
      '[ID client-id [ID client-id ...]]',
    ],
    [
      'oneof joins with |',
      [arg({ name: 'c', type: 'oneof', flags: ['optional'], arguments: [arg({ name: 'nx', type: 'pure-token', token: 'NX' }), arg({ name: 'xx', type: 'pure-token', token: 'XX' })] })],
      '[NX|XX]',
    ],
    [
      'block joins with spaces',
      [arg({ name: 'b', type: 'block', flags: ['multiple'], arguments: [arg({ name: 'score', type: 'double' }), arg({ name: 'member', type: 'string' })] })],
      'score member [score member ...]',
    ],
    ['an unknown type contributes only its token', [arg({ name: 'z', type: 'weird', token: 'Z' })], 'Z '],
  ])('%s', (_name, args, expected) => {
    expect(paramsOf(args)).toBe(expected);
  });

  it('is empty for a command without arguments', () => {
    const table = buildCommandTable({ type: 'array', items: [bulk('client'), { type: 'array', items: [bulk('summary'), bulk('s')] }] }) as CommandTable;
    expect(commandEntries(table)[0]?.params).toBe('');
  });
});

describe('buildCommandTable', () => {
  it('returns null for an error reply (redis-cli falls back to help.h)', () => {
    expect(buildCommandTable({ type: 'error', value: Buffer.from('NOAUTH Authentication required.') })).toBeNull();
  });

  it('reads RESP3 maps and sets', () => {
    const reply: Reply = {
      type: 'map',
      entries: [
        [
          bulk('client'),
          {
            type: 'map',
            entries: [
              [bulk('summary'), bulk('A container')],
              [bulk('group'), bulk('connection')],
              [
                bulk('subcommands'),
                {
                  type: 'map',
                  entries: [
                    [
                      bulk('client|kill'),
                      {
                        type: 'map',
                        entries: [
                          [bulk('summary'), bulk('Kill')],
                          [bulk('since'), bulk('2.4.0')],
                          [bulk('group'), bulk('connection')],
                          [
                            bulk('arguments'),
                            {
                              type: 'array',
                              items: [
                                {
                                  type: 'map',
                                  entries: [
                                    [bulk('name'), bulk('id')],
                                    [bulk('type'), bulk('integer')],
                                    [bulk('token'), bulk('ID')],
                                    [bulk('flags'), { type: 'set', items: [status('optional')] }],
                                  ],
                                },
                              ],
                            },
                          ],
                        ],
                      },
                    ],
                  ],
                },
              ],
            ],
          },
        ],
      ],
    };
    const table = buildCommandTable(reply) as CommandTable;
    expect(table.entries).toEqual([
      { kind: 'group', fullName: '@connection' },
      { kind: 'command', words: ['CLIENT'], fullName: 'CLIENT', params: '', summary: 'A container', since: null, group: 'connection' },
      { kind: 'command', words: ['CLIENT', 'KILL'], fullName: 'CLIENT KILL', params: '[ID id]', summary: 'Kill', since: '2.4.0', group: 'connection' },
    ]);
  });
});

describe('against a real redis-server 7.0 COMMAND DOCS', () => {
  let server: TestServer;
  let resp2: CommandTable;
  let resp3: CommandTable;

  beforeAll(async () => {
    server = await startTestServer();
    resp2 = buildCommandTable(await fetchCommandDocs(server.port, 2)) as CommandTable;
    resp3 = buildCommandTable(await fetchCommandDocs(server.port, 3)) as CommandTable;
  });
  afterAll(() => server.stop());

  it('builds the same table from RESP2 and RESP3', () => {
    expect(resp3.entries).toEqual(resp2.entries);
  });

  it('sorts all entries with strcmp, @groups first', () => {
    const names = resp2.entries.map((entry) => entry.fullName);
    expect(names).toEqual([...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(names[0]?.startsWith('@')).toBe(true);
    expect(names).toContain('@string');
    expect(names).toContain('CLIENT KILL');
  });

  it.each([
    ['SET', 'key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]'],
    ['CLIENT LIST', '[TYPE NORMAL|MASTER|REPLICA|PUBSUB] [ID client-id [client-id ...]]'],
    ['GET', 'key'],
    ['CLIENT', ''],
  ])('%s has the spec params', (name, params) => {
    const entry = commandEntries(resp2).find((candidate) => candidate.fullName === name);
    expect(entry?.params).toBe(params);
  });
});
