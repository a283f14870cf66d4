/**
 * `redis-tutor cli` in a real pseudo-terminal, typed into as a person would:
 * the prompt and its [db]/(TX), history across sessions, TAB completion,
 * hints, help, Ctrl-C on a blocking command and in subscribe mode, and
 * `not connected>` until the server is back.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startInPty, type PtySession } from '../redis-cli/line-editor/support/redis-cli-oracle.js';
import { waitUntil } from '../support/wait-until.js';
import { BIN, timingSeconds, withoutSeconds } from './support/run-both.js';

let server: TestServer;
const sessions: PtySession[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const session of sessions) session.close();
  await server.stop();
});

async function cli(port: number, env: NodeJS.ProcessEnv = {}): Promise<PtySession> {
  const session = await startInPty(process.execPath, [BIN, 'cli', '-p', String(port)], { env });
  sessions.push(session);
  return session;
}

const rowText = (row: string): string => row.trimEnd();
/** The program printed a fresh prompt last: it is done with the line typed before it. */
const backAtPrompt = (output: string): boolean => output.endsWith('> ');
/** The output holds `text` and then a fresh prompt. */
const replied = (text: string) => (output: string) => output.includes(text) && backAtPrompt(output);
/** The output holds `first` and, later, `then` (one redraw of the line: the text, then its hint). */
const redrawn = (first: string, then: string) => (output: string) => {
  const at = output.lastIndexOf(first);
  return at >= 0 && output.includes(then, at + first.length);
};
const lastRow = (session: PtySession): string => {
  const rows = session.screen();
  // The cursor sits after the prompt's space; compare without it.
  return (rows[rows.length - 1] ?? '').trimEnd();
};

describe('interactive cli in a pty', () => {
  it('shows the prompt with [db] after SELECT and (TX) inside MULTI', async () => {
    const session = await cli(server.port);
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}>`);
    await session.type('select 2\r', (out) => out.includes('[2]> '));
    expect(session.screen()).toContain('OK');
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[2]>`);
    await session.type('multi\r', (out) => out.includes('(TX)> '));
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[2](TX)>`);
    await session.type('ping\r', replied('QUEUED'));
    await session.type('exec\r', replied('1) PONG'));
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[2]>`);
  });

  it('keeps history across sessions and recalls it with Up/Down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-cli-history-'));
    const file = join(dir, 'history');
    const first = await cli(server.port, { REDISCLI_HISTFILE: file });
    await first.type('echo first\r', replied('"first"'));
    await first.type('auth secret-password\r', replied('(error)'));
    await first.type('echo second\r', replied('"second"'));
    await first.type('quit\r');
    await first.exited;
    expect(readFileSync(file, 'utf8')).toBe('echo first\necho second\nquit\n');
    const second = await cli(server.port, { REDISCLI_HISTFILE: file });
    await second.type('\x1b[A', (out) => out.includes('quit'));
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> quit`);
    await second.type('\x1b[A\x1b[A', (out) => out.includes('echo first'));
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> echo first`);
    await second.type('\x1b[B', (out) => out.includes('echo second'));
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> echo second`);
    await second.type('\r', replied('"second"'));
  });

  it('completes command names with TAB and shows argument hints', async () => {
    const session = await cli(server.port);
    await session.type('gets\t', redrawn('GETSET', 'key value'));
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> GETSET key value`);
    await session.type('\x15set k v', redrawn('set k v', '[NX|XX]'));
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> set k v [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time`.slice(0, 80));
    await session.type('\x15get ', redrawn('get ', 'key'));
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> get key`);
  });

  it('prints help from the server COMMAND DOCS', async () => {
    const session = await cli(server.port);
    const output = await session.type('help get\r', replied('group:'));
    expect(output).toContain('\r\r\n  \x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m\r\r\n  \x1b[33msummary:\x1b[0m Get the value of a key');
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}>`);
  });

  it('Ctrl-C cancels BLPOP 0 and returns to the prompt in the same db', async () => {
    const session = await cli(server.port);
    await session.type('select 3\r', (out) => out.includes('[3]> '));
    await session.type('blpop nolist 0\r');
    // redis-cli prints how long a command ran once that is half a second or more. The server counts a
    // client's idle time in whole seconds since its command arrived: idle=2 means over a second.
    const blockedForOverASecond = () =>
      execFileSync('redis-cli', ['-p', String(server.port), 'client', 'list'], { encoding: 'utf8' })
        .split('\n')
        .some((client) => / cmd=blpop /.test(client) && Number(/ idle=(\d+) /.exec(client)?.[1] ?? 0) >= 2);
    await waitUntil(blockedForOverASecond, 'the BLPOP to be blocked for over a second');
    const output = await session.type('\x03', backAtPrompt);
    expect(output).toMatch(/\(0\.\d\ds\)|\(\d\.\d\ds\)/);
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[3]>`);
    await session.type('client info\r', replied('db='));
    // The CLIENT INFO line wraps at 80 columns: join the rows back.
    expect(session.screen().join('')).toMatch(/ db=3 .*cmd=client\|info/);
  });

  it('prints (nil) and then the timing line after BLPOP nothing 1.2, as the real redis-cli does in a terminal', async () => {
    const theirs = await startInPty('redis-cli', ['-p', String(server.port)]);
    sessions.push(theirs);
    const ours = await cli(server.port);
    const blpop = async (session: PtySession): Promise<string> => {
      await session.type('BLPOP nothing 1.2\r', replied('s)\r\n'));
      return session.screen().map(rowText).join('\n');
    };
    const [theirScreen, ourScreen] = await Promise.all([blpop(theirs), blpop(ours)]);
    expect(withoutSeconds(theirScreen)).toBe(`127.0.0.1:${server.port}> BLPOP nothing 1.2\n(nil)\n(N.NNs)\n127.0.0.1:${server.port}>`);
    // The same screen; only the digits of the elapsed time may differ, each run measuring its own wait.
    expect(withoutSeconds(ourScreen)).toBe(withoutSeconds(theirScreen));
    const [theirSeconds = Number.NaN] = timingSeconds(theirScreen);
    const [ourSeconds = Number.NaN] = timingSeconds(ourScreen);
    expect(Math.min(theirSeconds, ourSeconds)).toBeGreaterThanOrEqual(1.2);
    expect(Math.abs(ourSeconds - theirSeconds)).toBeLessThan(1);
  });

  it('shows messages in SUBSCRIBE mode and leaves it on Ctrl-C', async () => {
    const session = await cli(server.port);
    await session.type('subscribe news\r', (out) => out.includes('(integer) 1') && out.includes('Reading messages...'));
    expect(session.screen()).toContain('Reading messages... (press Ctrl-C to quit)');
    execFileSync('redis-cli', ['-p', String(server.port), 'publish', 'news', 'hello there']);
    await session.type('', (out) => out.includes('"hello there"'));
    expect(session.screen().slice(-3)).toEqual(['1) "message"', '2) "news"', '3) "hello there"']);
    await session.type('\x03', backAtPrompt);
    await session.type('ping\r', replied('PONG'));
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}>`);
  });

  it('shows not connected> while the server is gone and reconnects when it is back', async () => {
    const own = await startTestServer();
    const port = own.port;
    const session = await cli(port);
    await own.stop();
    await session.type('ping\r', replied('not connected> '));
    expect(session.screen().join('\n')).toContain('Error: Server closed the connection');
    await session.type('ping\r', replied('Could not connect'));
    expect(session.screen().join('\n')).toContain(`Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
    expect(lastRow(session)).toBe('not connected>');
    const revived = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      await waitForPort(port);
      await session.type('ping\r', replied('PONG'));
      expect(lastRow(session)).toBe(`127.0.0.1:${port}>`);
    } finally {
      revived.kill('SIGKILL');
    }
  });
});

async function waitForPort(port: number): Promise<void> {
  const answers = (): boolean => {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  };
  await waitUntil(answers, `redis-server on ${port} to come back`);
}
