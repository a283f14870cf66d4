import { textWidth } from './text-width.js';

const ESCAPE = /^\x1b\[[0-9;]*m/;

/**
 * Cuts a styled line to `width` columns, keeping its escape codes intact
 * and closing any style left open. Ink truncates a whole <Text> at once;
 * lines are cut one by one here so a section can be a single Text node.
 */
export function truncateAnsi(line: string, width: number): string {
  if (!line.includes('\x1b')) return textWidth(line) <= width ? line : cut(line, width);
  let out = '';
  let used = 0;
  let styled = false;
  let i = 0;
  while (i < line.length) {
    if (line[i] === '\x1b') {
      const match = ESCAPE.exec(line.slice(i));
      if (match) {
        out += match[0];
        styled = match[0] !== '\x1b[0m' && match[0] !== '\x1b[m';
        i += match[0].length;
        continue;
      }
    }
    const char = String.fromCodePoint(line.codePointAt(i) ?? 0);
    const w = textWidth(char);
    if (used + w > width) return `${out}${styled ? '\x1b[0m' : ''}`;
    out += char;
    used += w;
    i += char.length;
  }
  return out;
}

function cut(text: string, width: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = textWidth(char);
    if (used + w > width) break;
    out += char;
    used += w;
  }
  return out;
}
