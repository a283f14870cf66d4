import { describe, expect, it } from 'vitest';
import {
  KEY,
  applyInput,
  applyInputs,
  bytesInputs,
  escapeInput,
  startLine,
  type EditorEffect,
  type EditorInput,
  type StartLineOptions,
} from '../../../src/redis-cli/line-editor/index.js';

type Keys = Array<EditorInput | string>;

function expand(keys: Keys): EditorInput[] {
  return keys.flatMap((key) => (typeof key === 'string' ? bytesInputs(Buffer.from(key, 'latin1')) : [key]));
}

function run(keys: Keys, options: Partial<StartLineOptions> = {}) {
  const start = startLine({ prompt: '> ', ...options });
  const step = applyInputs(start.state, expand(keys));
  return { ...step, buffer: step.state.buffer.toString('latin1'), cursor: step.state.cursor, written: written([...start.effects, ...step.effects]) };
}

function written(effects: readonly EditorEffect[]): string {
  return effects.map((effect) => (effect.type === 'beep' ? '<BEL>' : effect.bytes.toString('latin1'))).join('');
}

const { ctrlA, ctrlB, ctrlD, ctrlE, ctrlF, ctrlH, ctrlK, ctrlT, ctrlU, ctrlW, backspace, left, right, home, end } = KEY;

describe('editing keys -> buffer and cursor', () => {
  it.each<[string, Keys, string, number]>([
    ['typing', ['hello'], 'hello', 5],
    ['Ctrl-A', ['hello', ctrlA], 'hello', 0],
    ['Ctrl-E', ['hello', ctrlA, ctrlE], 'hello', 5],
    ['Ctrl-B', ['hello', ctrlB, ctrlB], 'hello', 3],
    ['Ctrl-B at the start', ['hi', ctrlA, ctrlB], 'hi', 0],
    ['Ctrl-F', ['hello', ctrlA, ctrlF], 'hello', 1],
    ['Ctrl-F at the end', ['hi', ctrlF], 'hi', 2],
    ['Left/Right', ['hello', left, left, right], 'hello', 4],
    ['Home/End', ['hello', home, end], 'hello', 5],
    ['ESC O H / ESC O F', ['hello', '\x1bOH'], 'hello', 0],
    ['ESC [ H as raw bytes', ['hello', '\x1b[H', '\x1b[F', '\x1b[D'], 'hello', 4],
    ['insert in the middle', ['hllo', ctrlA, ctrlF, 'e'], 'hello', 2],
    ['Backspace', ['hello', backspace], 'hell', 4],
    ['Ctrl-H', ['hello', ctrlH, ctrlH], 'hel', 3],
    ['Backspace at the start', ['hi', ctrlA, backspace], 'hi', 0],
    ['Backspace in the middle', ['hello', left, left, backspace], 'helo', 2],
    ['Delete', ['hello', ctrlA, KEY.delete], 'ello', 0],
    ['Delete at the end', ['hello', KEY.delete], 'hello', 5],
    ['Ctrl-D deletes under the cursor', ['hello', ctrlA, ctrlD], 'ello', 0],
    ['Ctrl-D at the end of a non-empty line', ['hello', ctrlD], 'hello', 5],
    ['Ctrl-U', ['hello', left, ctrlU], '', 0],
    ['Ctrl-K', ['hello', left, left, ctrlK], 'hel', 3],
    ['Ctrl-W', ['set key value', ctrlW], 'set key ', 8],
    ['Ctrl-W over trailing spaces', ['set key   ', ctrlW], 'set ', 4],
    ['Ctrl-W mid-word', ['set keyvalue', left, left, left, left, left, ctrlW], 'set value', 4],
    ['Ctrl-W only knows spaces', ['a\tb', ctrlW], '', 0],
    ['Ctrl-T swaps and moves right', ['abcd', left, left, ctrlT], 'acbd', 3],
    ['Ctrl-T on the last char stays', ['abcd', left, ctrlT], 'abdc', 3],
    ['Ctrl-T at the end does nothing', ['abcd', ctrlT], 'abcd', 4],
    ['Ctrl-T at the start does nothing', ['abcd', ctrlA, ctrlT], 'abcd', 0],
    ['Ctrl-J (LF) is typed text', ['a\nb'], 'a\nb', 3],
    ['unbound control keys are typed text', ['a\x07\x12\x00b'], 'a\x07\x12\x00b', 5],
    ['UTF-8 is bytes: one Backspace removes one byte', [Buffer.from('é').toString('latin1'), backspace], '\xc3', 1],
    ['ESC swallows two bytes', ['a', '\x1bxy', 'b'], 'ab', 2],
    ['ESC [ digit swallows three', ['a', '\x1b[5~', 'b'], 'ab', 2],
    ['Ctrl-Right leaves `5C` typed', ['a', '\x1b[1;5C'], 'a5C', 3],
    ['ESC [ 1 ~ (Home on some terminals) is ignored', ['ab', '\x1b[1~'], 'ab', 2],
    ['a lone ESC from a toolkit does nothing', ['ab', KEY.escape], 'ab', 2],
  ])('%s', (_name, keys, buffer, cursor) => {
    const result = run(keys);
    expect(result.outcome).toBeNull();
    expect({ buffer: result.buffer, cursor: result.cursor }).toEqual({ buffer, cursor });
  });

  it('stops accepting bytes at 4095', () => {
    const result = run(['x'.repeat(5000)]);
    expect(result.buffer.length).toBe(4095);
  });

  it('TAB is typed text when there is no completion callback', () => {
    expect(run(['a\tb']).buffer).toBe('a\tb');
  });
});

describe('finishing a line', () => {
  it('Enter returns the line and writes a newline', () => {
    const result = run(['ping\r', 'ignored']);
    expect(result.outcome).toEqual({ type: 'line', line: Buffer.from('ping'), history: [] });
    expect(result.consumed).toBe(5);
    expect(result.written.endsWith('\n')).toBe(true);
  });

  it('the returned line ends at a NUL byte, like linenoise strdup()', () => {
    expect(run(['ab\0cd\r']).outcome).toMatchObject({ line: Buffer.from('ab') });
  });

  it('Ctrl-D on an empty line is end of input', () => {
    expect(run([ctrlD]).outcome).toEqual({ type: 'eof', history: [] });
  });

  it('Ctrl-C is an interrupt, whatever was typed', () => {
    expect(run(['abc', KEY.ctrlC]).outcome?.type).toBe('interrupt');
  });

  it('Enter redraws at the end, then once more without the hint', () => {
    const hints = () => ({ text: Buffer.from(' H'), color: 90, bold: false });
    const result = run(['ab', ctrlA, '\r'], { hints });
    expect(result.written).toBe(
      '> ' +
        '\r\x1b[0K> a\x1b[0;90;49m H\x1b[0m\r\x1b[3C' +
        '\r\x1b[0K> ab\x1b[0;90;49m H\x1b[0m\r\x1b[4C' +
        '\r\x1b[0K> ab\x1b[0;90;49m H\x1b[0m\r\x1b[2C' +
        '\r\x1b[0K> ab\x1b[0;90;49m H\x1b[0m\r\x1b[4C' +
        '\r\x1b[0K> ab\r\x1b[4C' +
        '\n',
    );
  });

  it('without a hints callback Enter adds no redraw', () => {
    expect(run(['a\r']).written).toBe('> \r\x1b[0K> a\r\x1b[3C\n');
  });
});

describe('history (Up/Down, Ctrl-P/N)', () => {
  const history = ['first', 'second', 'third'].map((line) => Buffer.from(line));
  it.each<[string, Keys, string]>([
    ['Up recalls the newest', [KEY.up], 'third'],
    ['Ctrl-P twice', [KEY.ctrlP, KEY.ctrlP], 'second'],
    ['Up past the oldest stays there', [KEY.up, KEY.up, KEY.up, KEY.up, KEY.up], 'first'],
    ['Down below the typed line stays there', ['typed', KEY.down], 'typed'],
    ['Up then Down brings the typed line back', ['typed', KEY.up, KEY.down], 'typed'],
    ['Ctrl-N', [KEY.up, KEY.up, KEY.ctrlN], 'third'],
    ['edits to a recalled entry survive browsing', [KEY.up, '!', KEY.up, KEY.down], 'third!'],
  ])('%s', (_name, keys, buffer) => {
    const result = run(keys, { history });
    expect(result.buffer).toBe(buffer);
    expect(result.cursor).toBe(buffer.length);
  });

  it('hands back the edited history (without the typed line) on Enter', () => {
    const result = run([KEY.up, '!', KEY.down, 'new\r'], { history });
    expect(result.outcome).toMatchObject({ type: 'line', line: Buffer.from('new') });
    expect(result.outcome?.history.map(String)).toEqual(['first', 'second', 'third!']);
  });

  it('does nothing with an empty history', () => {
    const result = run(['x', KEY.up], { history: [] });
    expect({ buffer: result.buffer, written: result.written }).toEqual({ buffer: 'x', written: '> \r\x1b[0K> x\r\x1b[3C' });
  });

  it('makes room for the line being typed when the history is full', () => {
    const full = Array.from({ length: 100 }, (_, index) => Buffer.from(`c${index}`));
    const start = startLine({ prompt: '> ', history: full });
    expect(start.state.history.length).toBe(100);
    expect(start.state.history[0]?.toString()).toBe('c1');
  });
});

describe('TAB completion', () => {
  const completions = (line: Buffer): Buffer[] =>
    line.toString() === 'ge' ? [Buffer.from('GET'), Buffer.from('GETSET')] : line.toString() === 'x' ? [] : [Buffer.from('ONLY')];

  it.each<[string, Keys, string, number]>([
    ['the first TAB shows the first candidate, buffer unchanged', ['ge\t'], 'ge', 2],
    ['another key accepts it', ['ge\t', ' '], 'GET ', 4],
    ['TAB TAB accepts the second', ['ge\t\t', 'x'], 'GETSETx', 7],
    ['after the last comes the original', ['ge\t\t\t', 'x'], 'gex', 3],
    ['and then the first again', ['ge\t\t\t\t', 'x'], 'GETx', 4],
    ['ESC keeps the original and starts an escape sequence', ['ge\t\x1b', 'ab', 'c'], 'gec', 3],
    ['an arrow key restores, then moves', ['ge\t', KEY.left], 'ge', 1],
    ['Enter accepts and submits', ['ge\t\t\r'], 'GETSET', 6],
    ['Backspace accepts, then deletes', ['ge\t', backspace], 'GE', 2],
    ['no candidates: nothing changes', ['x\t'], 'x', 1],
  ])('%s', (_name, keys, buffer, cursor) => {
    const result = run(keys, { completions });
    expect({ buffer: result.buffer, cursor: result.cursor }).toEqual({ buffer, cursor });
  });

  it('beeps when cycling back to the original, and when nothing matches', () => {
    expect(run(['ge\t\t\t'], { completions }).written.match(/<BEL>/g)?.length).toBe(1);
    expect(run(['x\t'], { completions }).written).toBe('> \r\x1b[0K> x\r\x1b[3C<BEL>');
  });

  it('shows each candidate with its cursor at its end', () => {
    expect(run(['ge\t\t'], { completions }).written.endsWith('\r\x1b[0K> GET\r\x1b[5C\r\x1b[0K> GETSET\r\x1b[8C')).toBe(true);
  });
});

describe('applyInput with pre-decoded escape sequences', () => {
  it.each<[string, string, number]>([
    ['[D', 'abc', 2],
    ['[H', 'abc', 0],
    ['OF', 'abc', 3],
    ['[3~', 'abc', 3],
    ['[Z', 'abc', 3],
  ])('ESC %s', (sequence, buffer, cursor) => {
    const start = startLine({ prompt: '> ' });
    let state = applyInputs(start.state, bytesInputs('abc')).state;
    state = applyInput(state, escapeInput(sequence)).state;
    expect({ buffer: state.buffer.toString(), cursor: state.cursor }).toEqual({ buffer, cursor });
  });
});
