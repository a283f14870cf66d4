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
import { BIN } from './support/run-both.js';

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
    await session.type('ping\r', (out) => out.includes('QUEUED'));
    await session.type('exec\r', (out) => out.includes('1) PONG'));
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[2]>`);
  });

  it('keeps history across sessions and recalls it with Up/Down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-cli-history-'));
    const file = join(dir, 'history');
    const first = await cli(server.port, { REDISCLI_HISTFILE: file });
    await first.type('echo first\r', (out) => out.includes('"first"'));
    await first.type('auth secret-password\r', (out) => out.includes('(error)'));
    await first.type('echo second\r', (out) => out.includes('"second"'));
    await first.type('quit\r');
    expect(readFileSync(file, 'utf8')).toBe('echo first\necho second\nquit\n');
    const second = await cli(server.port, { REDISCLI_HISTFILE: file });
    await second.type('\x1b[A');
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> quit`);
    await second.type('\x1b[A\x1b[A');
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> echo first`);
    await second.type('\x1b[B');
    expect(rowText(second.cursor().row)).toBe(`127.0.0.1:${server.port}> echo second`);
    await second.type('\r', (out) => out.includes('"second"'));
  });

  it('completes command names with TAB and shows argument hints', async () => {
    const session = await cli(server.port);
    await session.type('gets\t');
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> GETSET key value`);
    await session.type('\x15set k v');
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> set k v [NX|XX] [GET] [EX seconds|PX milliseconds|EXAT unix-time`.slice(0, 80));
    await session.type('\x15get ');
    expect(rowText(session.cursor().row)).toBe(`127.0.0.1:${server.port}> get key`);
  });

  it('prints help from the server COMMAND DOCS', async () => {
    const session = await cli(server.port);
    const output = await session.type('help get\r', (out) => out.includes('group:'));
    expect(output).toContain('\r\r\n  \x1b[1mGET\x1b[0m \x1b[90mkey\x1b[0m\r\r\n  \x1b[33msummary:\x1b[0m Get the value of a key');
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}>`);
  });

  it('Ctrl-C cancels BLPOP 0 and returns to the prompt in the same db', async () => {
    const session = await cli(server.port);
    await session.type('select 3\r', (out) => out.includes('[3]> '));
    await session.type('blpop nolist 0\r');
    await new Promise((resolve) => setTimeout(resolve, 700));
    const output = await session.type('\x03', (out) => out.includes('> '));
    expect(output).toMatch(/\(0\.\d\ds\)|\(\d\.\d\ds\)/);
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}[3]>`);
    await session.type('client info\r', (out) => out.includes('db='));
    // The CLIENT INFO line wraps at 80 columns: join the rows back.
    expect(session.screen().join('')).toMatch(/ db=3 .*cmd=client\|info/);
  });

  it('shows messages in SUBSCRIBE mode and leaves it on Ctrl-C', async () => {
    const session = await cli(server.port);
    await session.type('subscribe news\r', (out) => out.includes('(integer) 1'));
    expect(session.screen()).toContain('Reading messages... (press Ctrl-C to quit)');
    execFileSync('redis-cli', ['-p', String(server.port), 'publish', 'news', 'hello there']);
    await session.type('', (out) => out.includes('hello there'));
    expect(session.screen().slice(-3)).toEqual(['1) "message"', '2) "news"', '3) "hello there"']);
    await session.type('\x03', (out) => out.includes('> '));
    await session.type('ping\r', (out) => out.includes('PONG'));
    expect(lastRow(session)).toBe(`127.0.0.1:${server.port}>`);
  });

  it('shows not connected> while the server is gone and reconnects when it is back', async () => {
    const own = await startTestServer();
    const port = own.port;
    const session = await cli(port);
    await own.stop();
    await session.type('ping\r', (out) => out.includes('not connected> '));
    expect(session.screen().join('\n')).toContain('Error: Server closed the connection');
    await session.type('ping\r', (out) => out.includes('Could not connect'));
    expect(session.screen().join('\n')).toContain(`Could not connect to Redis at 127.0.0.1:${port}: Connection refused`);
    expect(lastRow(session)).toBe('not connected>');
    const revived = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    try {
      await waitForPort(port);
      await session.type('ping\r', (out) => out.includes('PONG'));
      expect(lastRow(session)).toBe(`127.0.0.1:${port}>`);
    } finally {
      revived.kill('SIGKILL');
    }
  });
});

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      execFileSync('redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`redis-server on ${port} did not come back`);
}
