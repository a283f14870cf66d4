import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/markdown/text-width.js';
import { hardWrap, wordWrap } from '../../src/ui/layout.js';

describe('wordWrap (tutor prose)', () => {
  it.each<[string, string, number, string[]]>([
    ['fits: one line', 'Hint 1/2: send PING.', 40, ['Hint 1/2: send PING.']],
    ['breaks at the last space that fits', 'ответом будет PONG и всё', 16, ['ответом будет', 'PONG и всё']],
    ['never mid-word (the reported "PO" / "NG.")', 'Подсказка 1/2: ответом будет PING.', 30, ['Подсказка 1/2: ответом будет', 'PING.']],
    ['continuation lines keep the indentation', '  SET greeting "Hello, Redis!" EX 60', 20, ['  SET greeting', '  "Hello, Redis!" EX', '  60']],
    ['a word longer than the line is cut', 'see aaaaaaaaaaaa now', 6, ['see', 'aaaaaa', 'aaaaaa', 'now']],
    ['wide characters count double', '漢字漢字 漢字', 8, ['漢字漢字', '漢字']],
  ])('%s', (_name, text, width, lines) => {
    expect(wordWrap(text, width, textWidth)).toEqual(lines);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(width);
  });

  it('hardWrap, for Redis output, still cuts by column', () => {
    expect(hardWrap('ответом будет PING.', 16, textWidth)).toEqual(['ответом будет PI', 'NG.']);
  });
});
