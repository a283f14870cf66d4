import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownTheme } from '../../src/markdown/render-markdown.js';
import { parseInline } from '../../src/markdown/inline.js';
import stringWidth from 'string-width';

/** Marks each style with brackets so the tests see what was styled without ANSI. */
const MARKED: MarkdownTheme = {
  heading: (text, level) => `<h${level}>${text}</h${level}>`,
  bold: (text) => `<b>${text}</b>`,
  italic: (text) => `<i>${text}</i>`,
  code: (text) => `<c>${text}</c>`,
  link: (text) => `<a>${text}</a>`,
  dim: (text) => text,
};

describe('parseInline', () => {
  it('finds bold, italic, code and links, and leaves unbalanced markers alone', () => {
    expect(parseInline('a **b** *c* `d` [e](http://x) 2*3 snake_case_name')).toEqual([
      { text: 'a ', style: 'plain' },
      { text: 'b', style: 'bold' },
      { text: ' ', style: 'plain' },
      { text: 'c', style: 'italic' },
      { text: ' ', style: 'plain' },
      { text: 'd', style: 'code' },
      { text: ' ', style: 'plain' },
      { text: 'e', style: 'link' },
      { text: ' (http://x) 2*3 snake_case_name', style: 'plain' },
    ]);
  });

  it('keeps Markdown inside code spans literal', () => {
    expect(parseInline('`**not bold**`')).toEqual([{ text: '**not bold**', style: 'code' }]);
  });
});

describe('renderMarkdown', () => {
  it('renders headings, bold, inline code and wraps paragraphs to the width', () => {
    const lines = renderMarkdown('# Keys\n\n**Redis** keeps `user:42:name` and other keys in memory for you.', { width: 30, theme: MARKED });
    expect(lines[0]).toBe('<h1>Keys</h1>');
    expect(lines[1]).toBe('────');
    expect(lines[3]).toBe('<b>Redis</b> keeps <c>user:42:name</c> and');
    expect(lines.slice(4)).toEqual(['other keys in memory for you.']);
  });

  it('gives list items a bullet and a hanging indent', () => {
    const lines = renderMarkdown('- `PING` checks the connection: the server replies PONG\n- second', { width: 30 });
    expect(lines).toEqual(['• PING checks the connection:', '  the server replies PONG', '• second']);
  });

  it('numbers ordered lists and nests', () => {
    expect(renderMarkdown('1. one\n2. two\n   - inner', { width: 40 })).toEqual(['1. one', '2. two', '  • inner']);
  });

  it('frames code blocks and never wraps them', () => {
    const lines = renderMarkdown('```\nSET greeting "Hello, Redis!"\nGET greeting\n```', { width: 20, theme: MARKED });
    expect(lines).toEqual(['│ <c>SET greeting "Hel…</c>', '│ <c>GET greeting</c>']);
  });

  it('aligns tables and shrinks them to fit', () => {
    const md = '| Command | Complexity |\n|---|---:|\n| `GET` | O(1) |\n| `KEYS pattern` | O(N) |';
    expect(renderMarkdown(md, { width: 40 })).toEqual([
      'Command      │ Complexity',
      '─────────────┼───────────',
      'GET          │       O(1)',
      'KEYS pattern │       O(N)',
    ]);
    const narrow = renderMarkdown(md, { width: 16 });
    for (const line of narrow) expect(stringWidth(line)).toBeLessThanOrEqual(16);
  });

  it('keeps every line within the width, Cyrillic included', () => {
    const ru = 'Ключ — это имя вроде `user:42:name` (двоеточия — просто соглашение об именовании), значение — строка.';
    for (const width of [12, 25, 80]) {
      for (const line of renderMarkdown(ru, { width })) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    }
  });

  it('honours hard line breaks', () => {
    expect(renderMarkdown('first  \nsecond', { width: 40 })).toEqual(['first', 'second']);
  });
});
