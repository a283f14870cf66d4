import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandTable, type CommandTable } from '../../src/redis-cli/command-docs.js';
import { completionsFor } from '../../src/redis-cli/completion.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { fetchCommandDocs } from './line-editor/support/redis-cli-oracle.js';

let server: TestServer;
let table: CommandTable;

beforeAll(async () => {
  server = await startTestServer();
  table = buildCommandTable(await fetchCommandDocs(server.port)) as CommandTable;
});
afterAll(() => server.stop());

const candidates = (line: string): string[] => completionsFor(line, table).map((candidate) => candidate.toString('utf8'));

describe('completionsFor (spec 4.6)', () => {
  it.each<[string, string[]]>([
    ['gets', ['GETSET']],
    ['GETS', ['GETSET']],
    ['getr', ['GETRANGE']],
    ['get', ['GET', 'GETBIT', 'GETDEL', 'GETEX', 'GETRANGE', 'GETSET']],
    ['client k', ['CLIENT KILL']],
    ['client  k', []],
    ['help @str', ['help @stream', 'help @string']],
    ['HELP   @str', ['HELP   @stream', 'HELP   @string']],
    ['help gets', ['help GETSET']],
    ['help client ki', ['help CLIENT KILL']],
    ['@str', []],
    ['help', []],
    ['nosuch', []],
    ['getsetx', []],
    ['set k', []],
  ])('%j -> %j', (line, expected) => {
    expect(candidates(line)).toEqual(expected);
  });

  it('offers every command (no @groups) on an empty line, in table order', () => {
    const all = candidates('');
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((name) => name.startsWith('@'))).toBe(false);
    expect(all[0]).toBe('ACL');
  });

  it('offers @groups first after `help `', () => {
    const topics = candidates('help ');
    expect(topics[0]).toBe('help @bitmap');
    expect(topics).toContain('help @string');
    expect(topics).toContain('help GET');
  });
});
