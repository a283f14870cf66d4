import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/resp/types.js';
import { buildCommandTable, type CommandTable } from '../../src/redis-cli/command-docs.js';
import { REDIS_CLI_VERSION, genericHelpText, helpText, isHelpCommand } from '../../src/redis-cli/help.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { fetchCommandDocs, runRedisCliPiped } from './line-editor/support/redis-cli-oracle.js';

const bulk = (text: string): Reply => ({ type: 'bulk', value: Buffer.from(text) });
const docs = (fields: Record<string, string>, subcommands: Array<[string, Record<string, string>]> = []): Reply => ({
  type: 'array',
  items: [
    ...Object.entries(fields).flatMap(([key, value]) => [bulk(key), bulk(value)]),
    ...(subcommands.length > 0
      ? [bulk('subcommands'), { type: 'array' as const, items: subcommands.flatMap(([name, sub]) => [bulk(name), docs(sub)]) }]
      : []),
  ],
});

/** A small table: GET (string), GETSET (string, no since), CLIENT with two subcommands (connection). */
const table = buildCommandTable({
  type: 'array',
  items: [
    bulk('get'),
    { type: 'array', items: [...(docs({ summary: 'Get the value of a key', since: '1.0.0', group: 'string' }) as { items: Reply[] }).items, bulk('arguments'), { type: 'array', items: [{ type: 'array', items: [bulk('name'), bulk('key'), bulk('type'), bulk('key')] }] }] },
    bulk('getset'),
    docs({ summary: 'Set and return old', group: 'string' }),
    bulk('client'),
    docs({ summary: 'A container', since: '2.4.0', group: 'connection' }, [
      ['client|kill', { summary: 'Kill it', since: '2.4.0', group: 'connection' }],
      ['client|id', { summary: 'Own id', since: '5.0.0', group: 'connection' }],
    ]),
  ],
}) as CommandTable;

const entry = (name: string, params: string, summary: string, since: string | null, group: string | null): string =>
  `\r\n  \x1b[1m${name}\x1b[0m \x1b[90m${params}\x1b[0m\r\n  \x1b[33msummary:\x1b[0m ${summary}\r\n` +
  (since === null ? '' : `  \x1b[33msince:\x1b[0m ${since}\r\n`) +
  (group === null ? '' : `  \x1b[33mgroup:\x1b[0m ${group}\r\n`);

describe('helpText', () => {
  it.each<[string, string[], string]>([
    ['help get (spec bytes)', ['get'], '\r\n  \x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m\r\n  \x1b[33msummary:\x1b[0m Get the value of a key\r\n  \x1b[33msince:\x1b[0m 1.0.0\r\n  \x1b[33mgroup:\x1b[0m string\r\n\r\n'],
    ['any case', ['GeT'], entry('GET', 'key', 'Get the value of a key', '1.0.0', 'string') + '\r\n'],
    ['no since line when unknown', ['getset'], entry('GETSET', '', 'Set and return old', null, 'string') + '\r\n'],
    [
      'a container lists its subcommands, in strcmp order',
      ['client'],
      entry('CLIENT', '', 'A container', '2.4.0', 'connection') + entry('CLIENT ID', '', 'Own id', '5.0.0', 'connection') + entry('CLIENT KILL', '', 'Kill it', '2.4.0', 'connection') + '\r\n',
    ],
    ['two words', ['client', 'KILL'], entry('CLIENT KILL', '', 'Kill it', '2.4.0', 'connection') + '\r\n'],
    ['more words than any entry has', ['get', 'extra'], '\r\n'],
    ['unknown command', ['nosuch'], '\r\n'],
    ['@group omits the group line', ['@STRING'], entry('GET', 'key', 'Get the value of a key', '1.0.0', null) + entry('GETSET', '', 'Set and return old', null, null) + '\r\n'],
    ['@ alone', ['@'], '\r\n'],
    ['an empty word', [''], '\r\n'],
    ['a group name is not a command prefix', ['@connection', 'x'], entry('CLIENT', '', 'A container', '2.4.0', null) + entry('CLIENT ID', '', 'Own id', '5.0.0', null) + entry('CLIENT KILL', '', 'Kill it', '2.4.0', null) + '\r\n'],
  ])('%s', (_name, args, expected) => {
    expect(helpText(args, table)).toBe(expected);
  });

  it('prints the generic text without arguments', () => {
    expect(helpText([], table)).toBe(genericHelpText());
    expect(genericHelpText().split('\n')[0]).toBe('redis-cli 7.0.15');
    expect(REDIS_CLI_VERSION).toBe('7.0.15');
  });

  it.each([
    ['help', true],
    ['HELP', true],
    ['?', true],
    ['helpx', false],
    ['??', false],
  ])('isHelpCommand(%j) is %s', (name, expected) => {
    expect(isHelpCommand(Buffer.from(name))).toBe(expected);
  });
});

describe('help output, byte for byte against redis-cli 7.0.15', () => {
  let server: TestServer;
  let realTable: CommandTable;

  beforeAll(async () => {
    server = await startTestServer();
    realTable = buildCommandTable(await fetchCommandDocs(server.port)) as CommandTable;
  });
  afterAll(() => server.stop());

  it.each([['help get'], ['help @string'], ['help client'], ['help nosuch'], ['help'], ['? CLIENT kill'], ['help @'], ['help get extra'], ['HELP @Generic'], ['help config set']])(
    '%s',
    async (line) => {
      const expected = await runRedisCliPiped(server.port, `${line}\n`);
      const words = line.split(' ').slice(1);
      expect(Buffer.from(helpText(words, realTable), 'utf8').toString('latin1')).toBe(expected.toString('latin1'));
    },
  );

  it('every command and every @group, in one piped session', async () => {
    const topics = realTable.entries.map((entry) => entry.fullName);
    const expected = await runRedisCliPiped(server.port, topics.map((topic) => `help ${topic}\n`).join(''));
    const actual = topics.map((topic) => helpText(topic.split(' '), realTable)).join('');
    expect(topics.length).toBeGreaterThan(300);
    expect(Buffer.from(actual, 'utf8').equals(expected)).toBe(true);
  });

  it('redis-cli --version names the version the help text shows', async () => {
    const { execFileSync } = await import('node:child_process');
    expect(execFileSync('redis-cli', ['--version']).toString()).toBe(`redis-cli ${REDIS_CLI_VERSION}\n`);
  });
});
