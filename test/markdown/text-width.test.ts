import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { padToWidth, sliceToWidth, truncateToWidth } from '../../src/markdown/text-width.js';

// What a terminal shows, column by column: the same answers Ink gets, since it measures with string-width too.
const RED = '\x1b[31m';
const BOLD = '\x1b[1m';
const GREEN = '\x1b[32m';
const FG_OFF = '\x1b[39m';
const BOLD_OFF = '\x1b[22m';
const WOMAN_TECHNOLOGIST = '👩‍💻'; // 👩 + ZWJ + 💻
const FAMILY = '👨‍👩‍👧';
const UKRAINE = '🇺🇦';
const JAPAN = '🇯🇵';
const E_ACUTE = 'e\u0301'; // e + COMBINING ACUTE ACCENT
const SHORT_I = 'и\u0306'; // и + COMBINING BREVE: й, decomposed

describe('string-width: columns a terminal gives a string', () => {
  it.each<[string, string, number]>([
    ['ASCII', 'hello', 5],
    ['Cyrillic: one column a letter', 'Привет, мир', 11],
    ['CJK: two columns a character', '漢字かな', 8],
    ['full-width Latin', 'ＡＢ', 4],
    ['emoji', '✅', 2],
    ['emoji with VS16', '❤️', 2],
    ['emoji with a skin tone', '👍🏽', 2],
    ['ZWJ sequence: one picture, two columns', WOMAN_TECHNOLOGIST, 2],
    ['longer ZWJ sequence', FAMILY, 2],
    ['flag: two regional indicators, two columns', UKRAINE, 2],
    ['two flags', UKRAINE + JAPAN, 4],
    ['combining accent: no column of its own', E_ACUTE, 1],
    ['decomposed word', `caf${E_ACUTE}`, 4],
    ['Cyrillic with a combining breve', `${SHORT_I}од`, 3],
    ['zero-width space', '\u200b', 0],
    ['ANSI colour: no columns', `${RED}red${FG_OFF}`, 3],
    ['ANSI around CJK', `${BOLD}${GREEN}漢字${FG_OFF}${BOLD_OFF}`, 4],
    ['mixed', `Ключ 漢字 ${WOMAN_TECHNOLOGIST} ${UKRAINE} caf${E_ACUTE}!`, 4 + 1 + 4 + 1 + 2 + 1 + 2 + 1 + 5],
  ])('%s', (_name, text, columns) => {
    expect(stringWidth(text)).toBe(columns);
  });
});

describe('sliceToWidth: the longest prefix that fits, styles closed', () => {
  it.each<[string, string, number, string]>([
    ['fits: unchanged', `${RED}ok${FG_OFF}`, 5, `${RED}ok${FG_OFF}`],
    ['no room', 'abc', 0, ''],
    ['Cyrillic', 'Привет', 3, 'При'],
    ['CJK: a character is never halved', '漢字漢字', 3, '漢'],
    ['CJK after ASCII', 'a漢字', 2, 'a'],
    ['ZWJ sequence left out whole when one column short', `x${WOMAN_TECHNOLOGIST}y`, 2, 'x'],
    ['ZWJ sequence kept whole when it fits', `x${WOMAN_TECHNOLOGIST}y`, 3, `x${WOMAN_TECHNOLOGIST}`],
    ['flags are never split into letters', UKRAINE + JAPAN, 3, UKRAINE],
    ['a combining accent stays with its letter', `caf${E_ACUTE}s`, 4, `caf${E_ACUTE}`],
    ['colour cut mid-word is closed', `${RED}hello${FG_OFF} world`, 3, `${RED}hel${FG_OFF}`],
    ['colour left open is closed', `${BOLD}${RED}hello world`, 4, `${BOLD}${RED}hell${FG_OFF}${BOLD_OFF}`],
    ['colour around CJK', `${GREEN}漢字漢字${FG_OFF}`, 5, `${GREEN}漢字${FG_OFF}`],
    ['mixed', `Ключ 漢字 ${WOMAN_TECHNOLOGIST}`, 10, 'Ключ 漢字 '],
  ])('%s', (_name, text, width, expected) => {
    const cut = sliceToWidth(text, width);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });
});

describe('truncateToWidth: cut with an ellipsis, never wider than asked', () => {
  it.each<[string, string, number, string]>([
    ['fits: unchanged', 'hello', 5, 'hello'],
    ['ASCII', 'hello world', 6, 'hello…'],
    ['one column: only the ellipsis', 'abc', 1, '…'],
    ['no room', 'abc', 0, ''],
    ['Cyrillic', 'Привет, мир', 7, 'Привет…'],
    ['CJK: the ellipsis does not push past the width', '漢字漢字', 4, '漢…'],
    ['CJK: exact fit with the ellipsis', '漢字漢字', 5, '漢字…'],
    ['ZWJ sequences stay whole', WOMAN_TECHNOLOGIST.repeat(3), 5, `${WOMAN_TECHNOLOGIST.repeat(2)}…`],
    ['flags stay whole', UKRAINE + JAPAN + UKRAINE, 4, `${UKRAINE}…`],
    ['combining accent stays with its letter', `caf${E_ACUTE} au lait`, 5, `caf${E_ACUTE}…`],
    ['colour preserved, ellipsis inside it, closed', `${RED}hello world${FG_OFF}`, 6, `${RED}hello…${FG_OFF}`],
    ['mixed', `Ключ 漢字 ${WOMAN_TECHNOLOGIST} ${UKRAINE}`, 13, `Ключ 漢字 ${WOMAN_TECHNOLOGIST}…`],
    ['mixed, the emoji one column short', `Ключ 漢字 ${WOMAN_TECHNOLOGIST} ${UKRAINE}`, 12, 'Ключ 漢字 …'],
  ])('%s', (_name, text, width, expected) => {
    const cut = truncateToWidth(text, width);
    expect(cut).toBe(expected);
    expect(stringWidth(cut)).toBeLessThanOrEqual(width);
  });
});

describe('padToWidth: pads by columns, not code units', () => {
  it.each<[string, string, number, string]>([
    ['CJK', '漢', 4, '漢  '],
    ['combining accent', E_ACUTE, 3, `${E_ACUTE}  `],
    ['ZWJ sequence', WOMAN_TECHNOLOGIST, 3, `${WOMAN_TECHNOLOGIST} `],
    ['flag', UKRAINE, 2, UKRAINE],
    ['ANSI colour', `${RED}ab${FG_OFF}`, 4, `${RED}ab${FG_OFF}  `],
    ['Cyrillic', 'ключ', 6, 'ключ  '],
  ])('%s', (_name, text, width, expected) => {
    expect(padToWidth(text, width)).toBe(expected);
    expect(stringWidth(padToWidth(text, width))).toBe(width);
  });
});
