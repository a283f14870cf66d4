import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { History } from '../../../src/redis-cli/history.js';
import { TtyLineReader, isUnsupportedTerm } from '../../../src/redis-cli/line-editor/tty-line-reader.js';
import { compileForChild, type CompiledTree } from '../../redis/support/compile-for-child.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { CHILD_SOURCES, REPL_FIXTURE, SETUP_TIMEOUT_MS, fetchReplies, startInPty } from './support/redis-cli-oracle.js';

class Collector extends Writable {
  chunks: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.chunks.push(chunk);
    callback();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('latin1');
  }
}

function streams(): { input: PassThrough; output: Collector & { columns: number }; beeps: Collector; reader: TtyLineReader } {
  const input = new PassThrough();
  const output = Object.assign(new Collector(), { columns: 40 });
  const beeps = new Collector();
  return { input, output, beeps, reader: new TtyLineReader({ input, output, beepOutput: beeps }) };
}

describe('TtyLineReader on plain streams', () => {
  it('returns the typed line and writes prompt, redraws and the final newline', async () => {
    const { input, output, reader } = streams();
    const line = reader.readLine({ prompt: '> ' });
    input.write('hi\r');
    expect(await line).toEqual({ type: 'line', line: Buffer.from('hi') });
    expect(output.text()).toBe('> \r\x1b[0K> h\r\x1b[3C\r\x1b[0K> hi\r\x1b[4C\n');
  });

  it.each([
    ['\x04', 'eof'],
    ['\x03', 'interrupt'],
  ])('%j ends input with %s', async (key, type) => {
    const { input, reader } = streams();
    const line = reader.readLine({ prompt: '> ' });
    input.write(key);
    expect(await line).toEqual({ type });
  });

  it('reports eof when the input stream ends', async () => {
    const { input, reader } = streams();
    const line = reader.readLine({ prompt: '> ' });
    input.end('partial');
    expect(await line).toEqual({ type: 'eof' });
    expect(await reader.readLine({ prompt: '> ' })).toEqual({ type: 'eof' });
  });

  it('sends the completion beep to its own stream', async () => {
    const { input, output, beeps, reader } = streams();
    const line = reader.readLine({ prompt: '> ', completions: () => [] });
    input.write('x\t\r');
    await line;
    expect(beeps.text()).toBe('\x07');
    expect(output.text()).not.toContain('\x07');
  });

  it('writes edits of recalled entries back into the history, without adding the line', async () => {
    const { input, reader } = streams();
    const history = new History(100, ['one', 'two']);
    const line = reader.readLine({ prompt: '> ', history });
    input.write('\x1b[A!\x1b[Bnew\r');
    expect(await line).toEqual({ type: 'line', line: Buffer.from('new') });
    expect(history.entries.map(String)).toEqual(['one', 'two!']);
  });

  it('reads lines one after another, dropping the rest of a chunk after Enter', async () => {
    const { input, reader } = streams();
    const first = reader.readLine({ prompt: '> ' });
    input.write('a\rb\r');
    expect(await first).toEqual({ type: 'line', line: Buffer.from('a') });
    const second = reader.readLine({ prompt: '> ' });
    input.write('c\r');
    expect(await second).toEqual({ type: 'line', line: Buffer.from('c') });
  });

  it('refuses a second readLine while one is waiting', async () => {
    const { input, reader } = streams();
    const first = reader.readLine({ prompt: '> ' });
    await expect(reader.readLine({ prompt: '> ' })).rejects.toThrow(/already/);
    input.write('\r');
    await first;
  });

  it.each([
    ['dumb', true],
    ['EMACS', true],
    ['cons25', true],
    ['xterm', false],
    [undefined, false],
  ])('TERM=%s unsupported: %s', (term, expected) => {
    expect(isUnsupportedTerm(term === undefined ? {} : { TERM: term })).toBe(expected);
  });
});

describe('type-ahead in a real terminal, as redis-cli 7.0.15 drops it', () => {
  let server: TestServer;
  let compiled: CompiledTree;
  beforeAll(async () => {
    server = await startTestServer();
    compiled = compileForChild(CHILD_SOURCES);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    compiled.remove();
    await server.stop();
  });
  const repl = () => startInPty('node', [compiled.pathOf(REPL_FIXTURE), String(server.port)]);
  const prompt = () => `127.0.0.1:${server.port}> `;

  /** The output holds `text`, and after it the prompt: the program is back at its prompt. */
  const thenPrompt = (text: string) => (output: string) => {
    const at = output.indexOf(text);
    return at >= 0 && output.includes(prompt(), at + text.length);
  };

  it('a pasted block runs only its first line (redis-cli too)', async () => {
    // A line typed at the next prompt is the marker: had the second line of the paste run, its
    // reply would have come before the marker's.
    const real = await startInPty('redis-cli', ['-p', String(server.port)]);
    await real.type('echo first\recho second\r', thenPrompt('"first"'));
    await real.type('echo marker\r', thenPrompt('"marker"'));
    const realScreen = real.screen().join('\n');
    real.close();
    expect(realScreen).toContain('"first"');
    expect(realScreen).not.toContain('"second"');

    const ours = await repl();
    await ours.type('echo first\recho second\r', thenPrompt('LINE'));
    await ours.type('marker\r', thenPrompt('LINE "marker"'));
    expect(ours.screen()).toEqual([`${prompt()}echo first`, 'LINE "echo first"', `${prompt()}marker`, 'LINE "marker"', prompt()]);
    ours.close();
  });

  it('keys typed while a command runs are echoed but never reach the next prompt', async () => {
    const ours = await repl();
    // `block` runs until the list gets a push: the keys below are typed while it runs, echoed by the terminal.
    await ours.type('block\r', (output) => output.includes('LINE "block"'));
    await ours.type('echo typed\r', (output) => output.includes('echo typed'));
    await ours.type('partial', (output) => output.includes('partial'));
    const nextPrompt = ours.type('', (output) => output.includes(prompt()));
    await fetchReplies(server.port, [['RPUSH', 'line-reader-repl:go', 'done']]);
    await nextPrompt;
    await ours.type('x\r', thenPrompt('LINE "x"'));
    const screen = ours.screen();
    ours.close();
    // The first redraw wipes the row where `partial` was echoed, as in redis-cli.
    expect(screen.slice(-4)).toEqual(['echo typed', `${prompt()}x`, 'LINE "x"', prompt()]);
  });
});
