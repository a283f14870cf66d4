import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/resp/types.js';
import { buildCommandTable, type CommandTable } from '../../src/redis-cli/command-docs.js';
import { HINT_COLOR, hintFor, redisCliHints } from '../../src/redis-cli/hints.js';
import { renderLine, FRESH_SCREEN } from '../../src/redis-cli/line-editor/render-line.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { fetchCommandDocs } from './line-editor/support/redis-cli-oracle.js';

let server: TestServer;
let table: CommandTable;

beforeAll(async () => {
  server = await startTestServer();
  table = buildCommandTable(await fetchCommandDocs(server.port)) as CommandTable;
});
afterAll(() => server.stop());

const SET_HINT = ' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]';

describe('hintFor (spec 4.5)', () => {
  it.each<[string, string | null]>([
    ['ping', ' [message]'],
    ['PiNg', ' [message]'],
    ['ping ', '[message]'],
    ['get', ' key'],
    ['get ', 'key'],
    ['get n', ' '],
    ['get n ', ''],
    ['set', ' key value [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|KEEPTTL]'],
    ['set k', ' value' + SET_HINT],
    ['set k v', SET_HINT],
    ['set k v EX', SET_HINT],
    ['set k v EX 10 NX', SET_HINT],
    ['client', ' '],
    ['client ', ''],
    ['client kill', ' ip:port|[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADDR ip:port]|[SKIPME yes/no] [[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REPLICA|PUBSUB]|[USER username]|[ADDR ip:port]|[LADDR ip:port]|[SKIPME yes/no] ...]'],
    ['client nosuchsub', ' '],
    ['zadd k', ' [NX|XX] [GT|LT] [CH] [INCR] score member [score member ...]'],
    ['"get"', ' key'],
    ['get\t', 'key'],
    ['help', null],
    ['nosuch', null],
    ['', null],
    ['   ', null],
    ['get "unbalanced', null],
  ])('%j -> %j', (line, expected) => {
    expect(hintFor(line, table)).toBe(expected);
  });

  it('ignores anything after a NUL byte, as the C string callback does', () => {
    expect(hintFor(Buffer.from('ping\0 x y'), table)).toBe(' [message]');
  });

  it('takes the longest matching entry, whatever its position in the table', () => {
    const bulk = (text: string): Reply => ({ type: 'bulk', value: Buffer.from(text) });
    const small = buildCommandTable({
      type: 'array',
      items: [
        bulk('a'),
        {
          type: 'array',
          items: [
            bulk('arguments'),
            { type: 'array', items: [{ type: 'array', items: [bulk('name'), bulk('top'), bulk('type'), bulk('string')] }] },
            bulk('subcommands'),
            {
              type: 'array',
              items: [bulk('a|b'), { type: 'array', items: [bulk('arguments'), { type: 'array', items: [{ type: 'array', items: [bulk('name'), bulk('sub'), bulk('type'), bulk('string')] }] }] }],
            },
          ],
        },
      ],
    }) as CommandTable;
    expect(hintFor('a b', small)).toBe(' sub');
    expect(hintFor('a c', small)).toBe(' ');
    expect(hintFor('a', small)).toBe(' top');
  });
});

describe('hints as the editor shows them at 80 columns (spec 4.5 observations)', () => {
  const prompt = Buffer.from('127.0.0.1:6401> ');
  const shown = (line: string): string => {
    const hints = redisCliHints(() => table);
    const { bytes } = renderLine(FRESH_SCREEN, { prompt, buffer: Buffer.from(line), cursor: line.length, columns: 80, hint: hints });
    const text = bytes.toString('latin1');
    const start = text.indexOf(`\x1b[0;${HINT_COLOR};49m`);
    return start === -1 ? '<none>' : text.slice(start + 10, text.indexOf('\x1b[0m', start));
  };

  it.each<[string, string]>([
    ['ping', ' [message]'],
    ['get', ' key'],
    ['get ', 'key'],
    ['get n', ' '],
    ['set k v', ' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time'],
    ['set k v EX', ' [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-t'],
    ['client', ' '],
    ['client ', ''],
    ['client kill', ' ip:port|[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|REP'],
    ['zadd k', ' [NX|XX] [GT|LT] [CH] [INCR] score member [score member ..'],
    ['help', '<none>'],
  ])('%j shows %j', (line, expected) => {
    expect(shown(line)).toBe(expected);
  });

  it('shows nothing once hints are turned off', () => {
    const hints = redisCliHints(() => table, () => false);
    expect(hints(Buffer.from('ping'))).toBeNull();
  });
});
