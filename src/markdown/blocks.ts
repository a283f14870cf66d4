/** The block structure of a lesson: what the renderer lays out. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'code'; lang: string; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; header: string[]; rows: string[][]; align: Array<'left' | 'right' | 'center'> }
  | { kind: 'quote'; text: string }
  | { kind: 'rule' };

export interface ListItem {
  /** `1.` for ordered lists, `•` otherwise. */
  marker: string;
  text: string;
  /** Nesting depth, 0 for top-level items. */
  depth: number;
}

const FENCE = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** Splits Markdown into blocks: the subset lessons are written in (see exercises/README.md). */
export function parseBlocks(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const close = fence[1] ?? '```';
      const code: string[] = [];
      i += 1;
      while (i < lines.length && (lines[i] ?? '').trim() !== close) code.push(lines[i++] ?? '');
      i += 1;
      blocks.push({ kind: 'code', lang: fence[2] ?? '', lines: dedent(code) });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, text: heading[2] ?? '' });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    if (line.includes('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '') && (lines[i + 1] ?? '').includes('-')) {
      const header = tableCells(line);
      const align = tableCells(lines[i + 1] ?? '').map((cell) =>
        cell.startsWith(':') && cell.endsWith(':') ? 'center' : cell.endsWith(':') ? 'right' : 'left',
      ) as Array<'left' | 'right' | 'center'>;
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim() !== '') rows.push(tableCells(lines[i++] ?? ''));
      blocks.push({ kind: 'table', header, rows, align });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const items: ListItem[] = [];
      const ordered = /^\s*\d/.test(line);
      const baseIndent = indentOf(line);
      while (i < lines.length) {
        const current = lines[i] ?? '';
        const item = LIST_ITEM.exec(current);
        if (item) {
          const depth = Math.max(0, Math.floor((indentOf(current) - baseIndent) / 2));
          const marker = /\d/.test(item[2] ?? '') ? `${(item[2] ?? '').replace(')', '.')}` : '•';
          items.push({ marker, text: item[3] ?? '', depth });
          i += 1;
          continue;
        }
        // A continuation line belongs to the item above; a blank line followed by a non-item ends the list.
        if (current.trim() !== '' && indentOf(current) > baseIndent && items.length > 0) {
          const last = items[items.length - 1] as ListItem;
          last.text += ` ${current.trim()}`;
          i += 1;
          continue;
        }
        if (current.trim() === '' && LIST_ITEM.test(lines[i + 1] ?? '')) {
          i += 1;
          continue;
        }
        break;
      }
      blocks.push({ kind: 'list', ordered, items });
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(/^\s*>\s?/, ''));
      blocks.push({ kind: 'quote', text: quoted.join(' ') });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const current = lines[i] ?? '';
      if (current.trim() === '' || FENCE.test(current) || HEADING.test(current) || LIST_ITEM.test(current) || /^\s*>/.test(current)) break;
      if (current.includes('|') && TABLE_SEPARATOR.test(lines[i + 1] ?? '')) break;
      // A line ending in two spaces or a backslash is a hard break.
      paragraph.push(/( {2,}|\\)$/.test(current) ? `${current.replace(/( {2,}|\\)$/, '')}\n` : current.trim());
      i += 1;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ').replace(/\n /g, '\n') });
  }
  return blocks;
}

function tableCells(line: string): string[] {
  let trimmed = line.trim();
  if (trimmed.startsWith('|')) trimmed = trimmed.slice(1);
  if (trimmed.endsWith('|') && !trimmed.endsWith('\\|')) trimmed = trimmed.slice(0, -1);
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function indentOf(line: string): number {
  return (/^\s*/.exec(line)?.[0] ?? '').replace(/\t/g, '    ').length;
}

function dedent(lines: string[]): string[] {
  const indents = lines.filter((line) => line.trim() !== '').map(indentOf);
  const common = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common));
}
