import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { hardWrap, wordWrap } from '../../src/ui/layout.js';

const RED = '\x1b[31m';
const CYAN = '\x1b[36m';
const FG_OFF = '\x1b[39m';
const WOMAN_TECHNOLOGIST = '👩‍💻'; // 👩 + ZWJ + 💻: two columns
const UKRAINE = '🇺🇦';
const E_ACUTE = 'e\u0301'; // e + COMBINING ACUTE ACCENT: one column
const SHORT_I = 'и\u0306'; // и + COMBINING BREVE: й, decomposed
// wrap-ansi (Ink's too) composes what it wraps (NFC): the same letters in the same columns.
const E_ACUTE_COMPOSED = '\u00e9';
const SHORT_I_COMPOSED = '\u0439';

describe('wordWrap (tutor prose)', () => {
  it.each<[string, string, number, string[]]>([
    ['fits: one line', 'Hint 1/2: send PING.', 40, ['Hint 1/2: send PING.']],
    ['breaks at the last space that fits', 'ответом будет PONG и всё', 16, ['ответом будет', 'PONG и всё']],
    ['never mid-word (the reported "PO" / "NG.")', 'Подсказка 1/2: ответом будет PING.', 30, ['Подсказка 1/2: ответом будет', 'PING.']],
    ['continuation lines keep the indentation', '  SET greeting "Hello, Redis!" EX 60', 20, ['  SET greeting', '  "Hello, Redis!" EX', '  60']],
    ['a word longer than the line is cut', 'see aaaaaaaaaaaa now', 6, ['see', 'aaaaaa', 'aaaaaa', 'now']],
    ['wide characters count double', '漢字漢字 漢字', 8, ['漢字漢字', '漢字']],
    ['ZWJ sequences count two and stay whole', `${WOMAN_TECHNOLOGIST} ${WOMAN_TECHNOLOGIST} ${WOMAN_TECHNOLOGIST}`, 5, [`${WOMAN_TECHNOLOGIST} ${WOMAN_TECHNOLOGIST}`, WOMAN_TECHNOLOGIST]],
    ['a run of emoji is cut between pictures', WOMAN_TECHNOLOGIST.repeat(3), 5, [WOMAN_TECHNOLOGIST.repeat(2), WOMAN_TECHNOLOGIST]],
    ['a run of flags is cut between flags', UKRAINE.repeat(3), 3, [UKRAINE, UKRAINE, UKRAINE]],
    ['combining accents take no column', `caf${E_ACUTE} au lait`, 7, [`caf${E_ACUTE_COMPOSED} au`, 'lait']],
    ['decomposed Cyrillic', `${SHORT_I}од ${SHORT_I}од`, 4, [`${SHORT_I_COMPOSED}од`, `${SHORT_I_COMPOSED}од`]],
    ['colour kept, closed and reopened on each line', `${CYAN}Hint: send PING now${FG_OFF}`, 10, [`${CYAN}Hint: send${FG_OFF}`, `${CYAN}PING now${FG_OFF}`]],
    ['mixed', `Ключ 漢字 ${WOMAN_TECHNOLOGIST} ${UKRAINE} caf${E_ACUTE}`, 9, ['Ключ 漢字', `${WOMAN_TECHNOLOGIST} ${UKRAINE}`, `caf${E_ACUTE_COMPOSED}`]],
  ])('%s', (_name, text, width, lines) => {
    expect(wordWrap(text, width)).toEqual(lines);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });

  it.each<[string, string, number, string, string[]]>([
    ['a checklist line hangs under its text', `✓ ключ ${WOMAN_TECHNOLOGIST} сохранён 漢字`, 12, '  ', [`✓ ключ ${WOMAN_TECHNOLOGIST}`, '  сохранён', '  漢字']],
    ['the first line has the full width, the rest less', 'x aaaa bbbb', 6, '   ', ['x aaaa', '   bbb', '   b']],
    ['a coloured mark is kept', `${RED}✗${FG_OFF} ключ не найден`, 8, '  ', [`${RED}✗${FG_OFF} ключ`, '  не', '  найден']],
    ['an indent that leaves no room is dropped', 'aa bb cc', 4, '   ', ['aa', 'bb', 'cc']],
  ])('hanging: %s', (_name, text, width, hanging, lines) => {
    expect(wordWrap(text, width, hanging)).toEqual(lines);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});

describe('hardWrap (Redis output): cut by column as a terminal does', () => {
  it.each<[string, string, number, string[]]>([
    ['Cyrillic, mid-word', 'ответом будет PING.', 16, ['ответом будет PI', 'NG.']],
    ['spaces are kept', 'ab  cd', 3, ['ab ', ' cd']],
    ['CJK: a character is never halved', '漢字漢', 3, ['漢', '字', '漢']],
    ['ZWJ sequences stay whole', WOMAN_TECHNOLOGIST.repeat(3), 3, [WOMAN_TECHNOLOGIST, WOMAN_TECHNOLOGIST, WOMAN_TECHNOLOGIST]],
    ['flags stay whole', UKRAINE.repeat(3), 5, [UKRAINE.repeat(2), UKRAINE]],
    ['combining accents stay with their letters', E_ACUTE.repeat(3), 2, [E_ACUTE_COMPOSED.repeat(2), E_ACUTE_COMPOSED]],
    ['colour closed and reopened on each line', `${RED}abcdef${FG_OFF}`, 4, [`${RED}abcd${FG_OFF}`, `${RED}ef${FG_OFF}`]],
    ['a newline starts a line', 'a\nbcd', 2, ['a', 'bc', 'd']],
  ])('%s', (_name, text, width, lines) => {
    expect(hardWrap(text, width)).toEqual(lines);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
  });
});
