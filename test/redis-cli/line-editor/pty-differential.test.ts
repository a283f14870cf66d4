/**
 * The editor against the real redis-cli 7.0.15 in a pseudo-terminal: the
 * same keys typed into both must produce the same bytes on the terminal.
 * Checked twice: the pure editor's output, and the TTY driver running in its
 * own pty (a stand-in REPL with redis-cli's prompt, hints and completion).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandTable, type CommandTable } from '../../../src/redis-cli/command-docs.js';
import { redisCliCompletions } from '../../../src/redis-cli/completion.js';
import { redisCliHints } from '../../../src/redis-cli/hints.js';
import { History, loadHistory } from '../../../src/redis-cli/history.js';
import { applyInputs, bytesInputs, startLine } from '../../../src/redis-cli/line-editor/index.js';
import { compileForChild, type CompiledTree } from '../../redis/support/compile-for-child.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { CHILD_SOURCES, REPL_FIXTURE, SETUP_TIMEOUT_MS, fetchCommandDocs, startInPty, type PtySession } from './support/redis-cli-oracle.js';

let server: TestServer;
let table: CommandTable;
let compiled: CompiledTree;
const historyDir = mkdtempSync(join(tmpdir(), 'redis-tutor-history-'));

beforeAll(async () => {
  server = await startTestServer();
  table = buildCommandTable(await fetchCommandDocs(server.port)) as CommandTable;
  compiled = compileForChild(CHILD_SOURCES);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
  compiled.remove();
  await server.stop();
});

interface Scenario {
  keys: string;
  columns?: number;
  /** Lines of the history file both programs start with. */
  history?: string[];
}

const SCENARIOS: Array<[string, Scenario]> = [
  ['typing ping (hint [message])', { keys: 'ping' }],
  ['set k v (hint cut at column 80)', { keys: 'set k v' }],
  ['set k v EX', { keys: 'set k v EX' }],
  ['client kill', { keys: 'client kill' }],
  ['zadd k', { keys: 'zadd k' }],
  ['get n, client with trailing space', { keys: 'get n\x15client ' }],
  ['gets<TAB>', { keys: 'gets\t' }],
  ['gets<TAB><TAB> beeps and restores, <TAB> again', { keys: 'gets\t\t\t' }],
  ['gets<TAB><ESC> restores, then ESC swallows two bytes', { keys: 'gets\t\x1bab' }],
  ['gets<TAB> accepted by a space', { keys: 'gets\t k' }],
  ['help @str<TAB><TAB>x', { keys: 'help @str\t\tx' }],
  ['client k<TAB> then arrow left (ESC restores first)', { keys: 'client k\t\x1b[D' }],
  ['TAB without candidates only beeps', { keys: 'nosuch\t' }],
  ['cursor keys', { keys: 'get key\x01\x06\x06\x1b[C\x1b[D\x02\x05\x1b[H\x1b[F\x1bOH\x1bOF\x1b[1~' }],
  ['deleting', { keys: 'set abc def\x17\x08\x7f\x01\x04\x1b[3~\x14\x14\x05\x14\x0b\x01\x0b' }],
  ['Ctrl-W over several spaces', { keys: 'a  b   c  \x17\x17' }],
  ['Ctrl-L clears and redraws', { keys: 'ping\x0c' }],
  ['Ctrl-Right: ESC takes `[1;`, `5C` is typed', { keys: 'get\x1b[1;5C' }],
  ['control bytes are inserted', { keys: 'a\x07\x12b' }],
  ['history browsing edits entries in place', { keys: '\x1b[A\x1b[A\x1b[A\x10\x1b[Bx\x1b[B\x1b[A\x0e\x0e', history: ['ping', 'echo a'] }],
  ['multi-row line at 30 columns', { keys: 'set aaaaaaa bbbbc dd\x01\x05\x02\x02\x02\x15', columns: 30 }],
  ['hint dropped when the line reaches the edge', { keys: 'set aaaaaaaaaa bbbbbbbbbb', columns: 40 }],
  ['Enter in mid-line moves to the end, redraws without the hint', { keys: 'ping\x01\r' }],
];

async function capture(session: PtySession, keys: string, until: (output: string) => boolean): Promise<string> {
  const output = await session.type(keys, until);
  session.close();
  return output;
}

function historyFileFor(lines: string[] | undefined): string {
  if (lines === undefined) return '/dev/null';
  const file = join(historyDir, `h${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, lines.map((line) => `${line}\n`).join(''));
  return file;
}

/** What the pure editor writes for the same keys; BEL goes to the same terminal as stderr. */
function editorBytes(scenario: Scenario, prompt: string, historyFile: string): string {
  const history = new History();
  loadHistory(history, historyFile === '/dev/null' ? null : historyFile);
  const start = startLine({
    prompt,
    columns: scenario.columns ?? 80,
    history: history.entries,
    hints: redisCliHints(() => table),
    completions: redisCliCompletions(() => table),
  });
  const step = applyInputs(start.state, bytesInputs(Buffer.from(scenario.keys, 'latin1')));
  return [...start.effects, ...step.effects]
    .map((effect) => (effect.type === 'beep' ? '\x07' : effect.bytes.toString('latin1')))
    .join('')
    .replace(/\n$/, '\r\n'); // the final newline is printed in cooked mode
}

describe('same terminal bytes as redis-cli 7.0.15', () => {
  it.each(SCENARIOS)('%s', async (_name, scenario) => {
    const prompt = `127.0.0.1:${server.port}> `;
    const realHistory = historyFileFor(scenario.history);
    const ourHistory = historyFileFor(scenario.history);
    const columns = scenario.columns ?? 80;
    // The pure editor says how much output to wait for; a slow machine then cannot cut a capture short.
    const pure = editorBytes(scenario, prompt, realHistory);
    const typedPart = pure.slice(prompt.length);
    // Node's raw mode keeps ONLCR, so the `\n` linenoise writes to wrap a full row reaches the terminal as `\r\n`.
    const onlcr = (bytes: string): string => bytes.replace(/(?<!\r)\n/g, '\r\n');
    const [real, driven] = await Promise.all([
      startInPty('redis-cli', ['-p', String(server.port)], { columns, env: { REDISCLI_HISTFILE: realHistory } }).then((session) =>
        capture(session, scenario.keys, (output) => output.length >= typedPart.length),
      ),
      startInPty('node', [compiled.pathOf(REPL_FIXTURE), String(server.port)], {
        columns,
        env: { REDISCLI_HISTFILE: ourHistory },
      }).then((session) => capture(session, scenario.keys, (output) => output.length >= onlcr(typedPart).length)),
    ]);
    // redis-cli carries on after Enter (runs the command); compare what the editor wrote.
    const editorPart = (bytes: string): string => (scenario.keys.endsWith('\r') ? bytes.slice(0, bytes.indexOf('\r\n') + 2) : bytes);
    expect(pure).toBe(editorPart(prompt + real));
    expect(prompt + editorPart(driven)).toBe(onlcr(editorPart(prompt + real)));
  });
});

describe('the screen after typing, read back from a terminal emulator', () => {
  it.each<[string, string, string, string]>([
    ['set k v', 'set k v', 'set k v [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-t', 'unix-t'],
    ['gets<TAB>', 'gets\t', 'GETSET key value', 'GETSET'],
    ['client kill', 'client kill', 'client kill ip:port|[ID client-id]|[TYPE NORMAL|MASTER|SLAVE|R', 'SLAVE'],
  ])('%s', async (_name, keys, lineStart, lastToArrive) => {
    const screenAfter = async (session: PtySession): Promise<{ screen: string[]; cursor: { row: string; column: number } }> => {
      await session.type(keys, (output) => output.includes(lastToArrive));
      const result = { screen: session.screen(), cursor: session.cursor() };
      session.close();
      return result;
    };
    const [real, ours] = await Promise.all([
      startInPty('redis-cli', ['-p', String(server.port)]).then(screenAfter),
      startInPty('node', [compiled.pathOf(REPL_FIXTURE), String(server.port)]).then(screenAfter),
    ]);
    expect(ours).toEqual(real);
    expect(ours.cursor.row.startsWith(`127.0.0.1:${server.port}> ${lineStart}`)).toBe(true);
    expect(ours.cursor.column).toBe(`127.0.0.1:${server.port}> ${keys.includes('\t') ? 'GETSET' : keys}`.length);
  });
});

describe('history file written by the driver', () => {
  it('matches what redis-cli writes for the same lines', async () => {
    const ours = historyFileFor([]);
    const session = await startInPty('node', [compiled.pathOf(REPL_FIXTURE), String(server.port)], {
      env: { REDISCLI_HISTFILE: ours },
    });
    // Each line waits for the next prompt: keys typed before it would be dropped as type-ahead.
    for (const line of ['ping', 'ping', '  get   k  ', 'quit']) await session.type(`${line}\r`, (output) => output.includes('LINE') && output.endsWith('> '));
    await session.type('\x04', (output) => output.includes('EOF'));
    session.close();
    expect(readFileSync(ours, 'utf8')).toBe('ping\n  get   k  \nquit\n');
  });
});
