import { describe, expect, it } from 'vitest';
import { FRESH_SCREEN, renderLine, type Hint, type ScreenState } from '../../../src/redis-cli/line-editor/render-line.js';

const render = (
  buffer: string,
  cursor: number,
  options: { columns?: number; hint?: Hint | null; screen?: ScreenState; prompt?: string } = {},
) =>
  renderLine(options.screen ?? FRESH_SCREEN, {
    prompt: Buffer.from(options.prompt ?? '127.0.0.1:6401> '),
    buffer: Buffer.from(buffer),
    cursor,
    columns: options.columns ?? 80,
    hint: options.hint === undefined ? null : () => options.hint ?? null,
  });

const grey = (text: string): Hint => ({ text: Buffer.from(text), color: 90, bold: false });

describe('renderLine (linenoise refreshMultiLine)', () => {
  it.each<[string, string, number, Parameters<typeof render>[2], string]>([
    ['the spec example after typing p', 'p', 1, {}, '\r\x1b[0K127.0.0.1:6401> p\r\x1b[17C'],
    ['cursor in the middle', 'ping', 1, {}, '\r\x1b[0K127.0.0.1:6401> ping\r\x1b[17C'],
    ['a grey hint', 'ping', 4, { hint: grey(' [message]') }, '\r\x1b[0K127.0.0.1:6401> ping\x1b[0;90;49m [message]\x1b[0m\r\x1b[20C'],
    ['an empty hint still writes its colours', 'client ', 7, { hint: grey('') }, '\r\x1b[0K127.0.0.1:6401> client \x1b[0;90;49m\x1b[0m\r\x1b[23C'],
    ['the hint is cut at the last column', 'ab', 2, { columns: 22, hint: grey(' 1234567') }, '\r\x1b[0K127.0.0.1:6401> ab\x1b[0;90;49m 123\x1b[0m\r\x1b[18C'],
    ['no hint once the text fills the row', 'abcdef', 6, { columns: 22, hint: grey(' x') }, '\r\x1b[0K127.0.0.1:6401> abcdef\n\r\r'],
    ['bold without colour is white', 'a', 1, { hint: { text: Buffer.from('!'), color: -1, bold: true } }, '\r\x1b[0K127.0.0.1:6401> a\x1b[1;37;49m!\x1b[0m\r\x1b[17C'],
    ['no colour, no bold: plain text', 'a', 1, { hint: { text: Buffer.from('!'), color: -1, bold: false } }, '\r\x1b[0K127.0.0.1:6401> a!\r\x1b[17C'],
    ['column 0 is a bare CR', '', 0, { prompt: '' }, '\r\x1b[0K\r'],
  ])('%s', (_name, buffer, cursor, options, expected) => {
    expect(render(buffer, cursor, options).bytes.toString('latin1')).toBe(expected);
  });

  it('clears the rows of a wrapped line and goes back up to the cursor row', () => {
    const first = render('set aaaaaaa bbbbc', 17, { columns: 30 });
    expect(first.screen).toEqual({ maxRows: 2, oldCursor: 17 });
    const home = render('set aaaaaaa bbbbc', 0, { columns: 30, screen: first.screen });
    expect(home.bytes.toString('latin1')).toBe('\r\x1b[0K\x1b[1A\r\x1b[0K127.0.0.1:6401> set aaaaaaa bbbbc\x1b[1A\r\x1b[16C');
    const back = render('set aaaaaaa bbbbc', 17, { columns: 30, screen: home.screen });
    expect(back.bytes.toString('latin1')).toBe('\x1b[1B\r\x1b[0K\x1b[1A\r\x1b[0K127.0.0.1:6401> set aaaaaaa bbbbc\r\x1b[3C');
  });
});
