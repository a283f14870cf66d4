import { parseBlocks, type Block } from './blocks.js';
import { parseInline, spansText, type Span } from './inline.js';
import stringWidth from 'string-width';
import { padToWidth, sliceToWidth, truncateToWidth } from './text-width.js';

/**
 * How styles look. The TUI passes chalk-based functions; tests pass
 * markers or identity functions, so the layout is checked without ANSI.
 */
export interface MarkdownTheme {
  heading(text: string, level: number): string;
  bold(text: string): string;
  italic(text: string): string;
  code(text: string): string;
  link(text: string): string;
  /** Code blocks, rules, table borders, list markers. */
  dim(text: string): string;
}

export const PLAIN_THEME: MarkdownTheme = {
  heading: (text) => text,
  bold: (text) => text,
  italic: (text) => text,
  code: (text) => text,
  link: (text) => text,
  dim: (text) => text,
};

export interface RenderOptions {
  /** Columns available; every returned line fits in it. */
  width: number;
  theme?: MarkdownTheme;
}

/** Lesson Markdown as terminal lines (styled by the theme), each at most `width` columns wide. */
export function renderMarkdown(markdown: string, options: RenderOptions): string[] {
  const width = Math.max(10, options.width);
  const theme = options.theme ?? PLAIN_THEME;
  const out: string[] = [];
  for (const block of parseBlocks(markdown)) {
    if (out.length > 0) out.push('');
    out.push(...renderBlock(block, width, theme));
  }
  return out;
}

function renderBlock(block: Block, width: number, theme: MarkdownTheme): string[] {
  switch (block.kind) {
    case 'heading': {
      const text = spansText(parseInline(block.text));
      const lines = wrapSpans([{ text, style: 'plain' }], width, '', '', (t) => theme.heading(t, block.level));
      return block.level <= 2 ? [...lines, theme.dim('─'.repeat(Math.min(width, stringWidth(text))))] : lines;
    }
    case 'paragraph':
      return block.text.split('\n').flatMap((part) => wrapSpans(parseInline(part), width, '', '', undefined, theme));
    case 'quote':
      return wrapSpans(parseInline(block.text), width, theme.dim('│ '), theme.dim('│ '), undefined, theme, 2);
    case 'rule':
      return [theme.dim('─'.repeat(width))];
    case 'code': {
      const inner = width - 2;
      return block.lines.map((line) => theme.dim('│ ') + theme.code(truncateToWidth(line.replace(/\t/g, '  '), inner)));
    }
    case 'list': {
      const lines: string[] = [];
      block.items.forEach((item) => {
        const marker = block.ordered ? `${item.marker}` : '•';
        const indent = '  '.repeat(item.depth);
        const first = `${indent}${marker} `;
        const hanging = ' '.repeat(stringWidth(first));
        lines.push(...wrapSpans(parseInline(item.text), width, theme.dim(first), hanging, undefined, theme, stringWidth(first)));
      });
      return lines;
    }
    case 'table':
      return renderTable(block, width, theme);
  }
}

/**
 * Word-wraps styled spans: words keep their span's style, the first line
 * starts with `firstPrefix`, the rest with `restPrefix` (a hanging indent).
 */
function wrapSpans(
  spans: readonly Span[],
  width: number,
  firstPrefix: string,
  restPrefix: string,
  whole?: (text: string) => string,
  theme: MarkdownTheme = PLAIN_THEME,
  prefixWidth = stringWidth(restPrefix),
): string[] {
  const available = Math.max(4, width - prefixWidth);
  const styleOf = (span: Span, text: string): string => {
    if (whole) return whole(text);
    switch (span.style) {
      case 'bold':
        return theme.bold(text);
      case 'italic':
        return theme.italic(text);
      case 'code':
        return theme.code(text);
      case 'link':
        return theme.link(text);
      default:
        return text;
    }
  };
  // Words: pieces between spaces; a word may be made of several spans (`**x**,`).
  type Piece = { text: string; span: Span };
  const words: Piece[][] = [[]];
  for (const span of spans) {
    const parts = span.text.split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^ +$/.test(part)) {
        if ((words[words.length - 1] as Piece[]).length > 0) words.push([]);
        continue;
      }
      (words[words.length - 1] as Piece[]).push({ text: part, span });
    }
  }
  const lines: string[] = [];
  let line = '';
  let used = 0;
  const emit = () => {
    lines.push((lines.length === 0 ? firstPrefix : restPrefix) + line);
    line = '';
    used = 0;
  };
  for (const word of words) {
    if (word.length === 0) continue;
    const wordWidth = word.reduce((sum, piece) => sum + stringWidth(piece.text), 0);
    if (used > 0 && used + 1 + wordWidth > available) emit();
    if (used > 0) {
      line += ' ';
      used += 1;
    }
    for (const piece of word) {
      let text = piece.text;
      // A word longer than a line (a long key name, a URL) is cut across lines.
      // A piece that starts in a full line (or with a wide character one column short) begins the next one.
      while (used + stringWidth(text) > available) {
        const head = sliceToWidth(text, available - used);
        if (head !== '') line += styleOf(piece.span, head);
        emit();
        text = text.slice(head.length);
      }
      line += styleOf(piece.span, text);
      used += stringWidth(text);
    }
  }
  if (line !== '' || lines.length === 0) emit();
  return lines;
}

function renderTable(block: Extract<Block, { kind: 'table' }>, width: number, theme: MarkdownTheme): string[] {
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  const cellText = (row: string[], index: number) => spansText(parseInline(row[index] ?? ''));
  const rows = [block.header, ...block.rows];
  const widths = Array.from({ length: columns }, (_, index) => Math.max(1, ...rows.map((row) => stringWidth(cellText(row, index)))));
  // Borders take 3 columns between cells; shrink the widest column until the table fits.
  const budget = width - (columns - 1) * 3;
  while (widths.reduce((a, b) => a + b, 0) > budget && Math.max(...widths) > 3) {
    const widest = widths.indexOf(Math.max(...widths));
    widths[widest] = (widths[widest] ?? 4) - 1;
  }
  const renderRow = (row: string[], header: boolean) =>
    widths
      .map((w, index) => {
        const text = truncateToWidth(cellText(row, index), w);
        const aligned = block.align[index] === 'right' ? ' '.repeat(w - stringWidth(text)) + text : padToWidth(text, w);
        return header ? theme.bold(aligned) : styleCell(row[index] ?? '', aligned, theme);
      })
      .join(theme.dim(' │ '))
      .replace(/\s+$/, '');
  const separator = theme.dim(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  return [renderRow(block.header, true), separator, ...block.rows.map((row) => renderRow(row, false))];
}

/** A cell that is entirely code (`GET key`) keeps the code style; mixed cells stay plain to keep alignment simple. */
function styleCell(source: string, aligned: string, theme: MarkdownTheme): string {
  const spans = parseInline(source);
  if (spans.length === 1 && spans[0]?.style === 'code') {
    const trimmed = aligned.trimEnd();
    return theme.code(trimmed) + aligned.slice(trimmed.length);
  }
  return aligned;
}
