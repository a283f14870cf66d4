/**
 * linenoise's refreshMultiLine(), the redraw redis-cli does after every key:
 * clear the rows the line used last time, write prompt + buffer + hint, then
 * put the cursor back. Lengths are bytes, as in linenoise (it knows nothing
 * of UTF-8 widths).
 */

/** What linenoise remembers between redraws of one line. */
export interface ScreenState {
  /** The most rows the line has used since it started (l->maxrows). */
  readonly maxRows: number;
  /** The cursor position at the previous redraw (l->oldpos). */
  readonly oldCursor: number;
}

export const FRESH_SCREEN: ScreenState = { maxRows: 0, oldCursor: 0 };

export interface Hint {
  readonly text: Buffer;
  /** SGR colour; -1 for none. */
  readonly color: number;
  readonly bold: boolean;
}

export interface LineView {
  readonly prompt: Buffer;
  readonly buffer: Buffer;
  readonly cursor: number;
  readonly columns: number;
  /** Asked only when the prompt and buffer leave room on the first row. */
  readonly hint: ((buffer: Buffer) => Hint | null) | null;
}

export function renderLine(screen: ScreenState, view: LineView): { bytes: Buffer; screen: ScreenState } {
  const { prompt, buffer, cursor, columns } = view;
  const plen = prompt.length;
  const len = buffer.length;
  let rows = Math.floor((plen + len + columns - 1) / columns);
  const cursorRow = Math.floor((plen + screen.oldCursor + columns) / columns);
  const oldRows = screen.maxRows;
  let maxRows = Math.max(oldRows, rows);
  let out = '';

  // Go to the last row used before, then clear every row on the way up.
  if (oldRows - cursorRow > 0) out += `\x1b[${oldRows - cursorRow}B`;
  for (let j = 0; j < oldRows - 1; j++) out += '\r\x1b[0K\x1b[1A';
  out += '\r\x1b[0K';
  const parts: Buffer[] = [Buffer.from(out, 'latin1'), prompt, buffer];
  if (view.hint !== null && plen + len < columns) parts.push(hintBytes(view.hint(buffer), columns - (plen + len)));

  out = '';
  // At the very end of a full row the terminal has not wrapped yet: force it.
  if (cursor > 0 && cursor === len && (cursor + plen) % columns === 0) {
    out += '\n\r';
    rows++;
    maxRows = Math.max(maxRows, rows);
  }
  const newCursorRow = Math.floor((plen + cursor + columns) / columns);
  if (rows - newCursorRow > 0) out += `\x1b[${rows - newCursorRow}A`;
  const column = (plen + cursor) % columns;
  out += column !== 0 ? `\r\x1b[${column}C` : '\r';
  parts.push(Buffer.from(out, 'latin1'));
  return { bytes: Buffer.concat(parts), screen: { maxRows, oldCursor: cursor } };
}

/** refreshShowHints(): the hint cut to the room left on the row, wrapped in its colour. */
function hintBytes(hint: Hint | null, room: number): Buffer {
  if (hint === null) return Buffer.alloc(0);
  const text = hint.text.subarray(0, Math.max(room, 0));
  const color = hint.bold && hint.color === -1 ? 37 : hint.color;
  const styled = color !== -1 || hint.bold;
  if (!styled) return Buffer.from(text);
  return Buffer.concat([Buffer.from(`\x1b[${hint.bold ? 1 : 0};${color};49m`, 'latin1'), text, Buffer.from('\x1b[0m', 'latin1')]);
}

/** linenoiseClearScreen(). */
export const CLEAR_SCREEN = Buffer.from('\x1b[H\x1b[2J', 'latin1');
