/**
 * The tutor's notes under Redis errors, from the real server's replies and
 * its real COMMAND DOCS: the error each line gets from redis-server, then
 * the note (or none) the TUI shows under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandTable } from '../../src/redis-cli/command-docs.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';
import { RespConnection } from '../../src/resp/connection.js';
import type { Reply } from '../../src/resp/types.js';
import { isBlockingCommand } from '../../src/tutor/blocking-command.js';
import { loadCommandTable } from '../../src/tutor/prompt-services.js';
import { texts } from '../../src/tutor/texts.js';
import { didYouMean, editDistanceWithSwaps, notesAfterReply, notesAfterSelect, notesForInvalidLine } from '../../src/tutor/tutor-notes.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let connection: RespConnection;
let table: CommandTable;

beforeAll(async () => {
  server = await startTestServer();
  const spec = { host: '127.0.0.1', port: server.port, db: 0, tls: false };
  table = await loadCommandTable(spec);
  connection = await RespConnection.connect(spec);
});
afterAll(async () => {
  connection?.destroy();
  await server?.stop();
});

const args = (line: string): Buffer[] => splitArgs(line) ?? [];
const send = (line: string): Promise<Reply> => connection.send(args(line));

describe('notes under the server’s error', () => {
  it.each<[string, 'en' | 'ru', string[]]>([
    ['PNIG', 'en', ['did you mean PING?']],
    ['pnig', 'ru', ['может быть, PING?']],
    ['HGETAL h', 'en', ['did you mean HGETALL?']],
    ['FROBNICATE x', 'en', []],
    ['EXISTS', 'en', ['syntax: EXISTS key [key ...]']],
    ['EXISTS', 'ru', ['синтаксис: EXISTS key [key ...]']],
    ['SET onlykey', 'en', [expect.stringMatching(/^syntax: SET key value \[NX\|XX\]/)]],
    ['CLIENT KILL', 'en', [expect.stringMatching(/^syntax: CLIENT KILL /)]],
    ['XREAD a', 'en', ['STREAMS is required before the keys: XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]']],
    ['XREAD COUNT 1 a 0', 'en', ['STREAMS is required before the keys: XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]']],
    ['XREAD COUNT 1 a 0', 'ru', ['перед ключами нужно слово STREAMS: XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]']],
    // With STREAMS the note is the command's syntax, as for any wrong number of arguments.
    ['XREAD STREAMS a', 'en', ['syntax: XREAD [COUNT count] [BLOCK milliseconds] STREAMS key [key ...] id [id ...]']],
    ['hint', 'en', ['tutor commands start with a colon: :hint — :help lists them']],
    ['solution please', 'en', ['tutor commands start with a colon: :solution — :help lists them']],
    ['solution', 'ru', ['команды тренажёра начинаются с двоеточия: :solution — список: :help']],
    ['INCR', 'en', ['syntax: INCR key']],
    [':set hints', 'en', []],
  ])('%s (%s)', async (line, language, notes) => {
    const reply = await send(line);
    expect(reply.type).toBe('error');
    expect(notesAfterReply(args(line), reply, table, texts(language))).toEqual(notes);
  });

  it('says nothing under a reply that is not an error', async () => {
    expect(notesAfterReply(args('PING'), await send('PING'), table, texts('en'))).toEqual([]);
  });

  it('says nothing but the error when the server’s COMMAND DOCS could not be read', async () => {
    expect(notesAfterReply(args('PNIG'), await send('PNIG'), { entries: [] }, texts('en'))).toEqual([]);
  });
});

describe('did you mean', () => {
  it.each<[string, string[]]>([
    ['PNIG', ['PING']],
    ['GTE', ['GET']],
    ['ST', ['SET']],
    ['LPUHS', ['LPUSH']],
    ['ZRANGEBYSCROE', ['ZRANGEBYSCORE']],
    ['PING', []],
    ['QQQQ', []],
  ])('%s → %j', (typed, meant) => {
    expect(didYouMean(typed, table)).toEqual(meant);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistanceWithSwaps('PNIG', 'PING')).toBe(1);
    expect(editDistanceWithSwaps('KITTEN', 'SITTING')).toBe(3);
    expect(editDistanceWithSwaps('', 'GET')).toBe(3);
  });
});

describe('notes under Invalid argument(s) and after SELECT', () => {
  it.each<[string, string[]]>([
    ['echo "unbalanced', ['a quote is not closed: end the text with the same quote mark']],
    ["set k 'it", ['a quote is not closed: end the text with the same quote mark']],
    ['echo "foo"bar', ['a closing quote must be followed by a space or the end of the line']],
    ['echo fine', []],
  ])('%s', (line, notes) => {
    expect(notesForInvalidLine(line, texts('en'))).toEqual(notes);
  });

  it('a move away from the checks’ db gets the note, a move back none', () => {
    expect(notesAfterSelect(2, 0, texts('en'))).toEqual(['the checks look at db 0; SELECT 0 to go back']);
    expect(notesAfterSelect(2, 0, texts('ru'))).toEqual(['проверки смотрят в базу 0; SELECT 0 — вернуться']);
    expect(notesAfterSelect(0, 0, texts('en'))).toEqual([]);
  });
});

describe('blocking commands', () => {
  it.each<[string, boolean]>([
    ['BLPOP q 0', true],
    ['brpop q 1.5', true],
    ['BLMOVE a b LEFT RIGHT 0', true],
    ['BZPOPMIN z 0', true],
    ['WAIT 1 0', true],
    ['XREAD BLOCK 0 STREAMS s $', true],
    ['XREADGROUP GROUP g c COUNT 1 BLOCK 100 STREAMS s >', true],
    ['XREAD STREAMS block 0', false],
    ['XREAD COUNT 1 STREAMS s 0', false],
    ['LPOP q', false],
  ])('%s → %s', (line, blocking) => {
    expect(isBlockingCommand(args(line))).toBe(blocking);
  });
});
