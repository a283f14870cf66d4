/**
 * How the exercise screen shares the terminal. Every section gets an exact
 * number of rows so the frame never grows past the screen (which would make
 * Ink clear and redraw everything, the flicker the issue rules out).
 */
export interface ExerciseLayout {
  /** Total rows the frame uses: one less than the terminal, so Ink redraws in place. */
  frameRows: number;
  leftWidth: number;
  panelWidth: number;
  lessonRows: number;
  taskRows: number;
  checkRows: number;
  transcriptRows: number;
}

export { MIN_COLUMNS_FOR_DEFAULT_PANEL } from '../tutor/state/app-state.js';

export function panelWidthFor(columns: number): number {
  return Math.max(26, Math.min(48, Math.floor(columns * 0.36)));
}

function shownPanelWidth(columns: number, panelVisible: boolean): number {
  return panelVisible && columns >= 60 ? panelWidthFor(columns) : 0;
}

/** The width of the lesson / checklist / transcript column; known before the rows are shared out, so sections can wrap to it first. */
export function leftWidthFor(columns: number, panelVisible: boolean): number {
  const panelWidth = shownPanelWidth(columns, panelVisible);
  return columns - (panelWidth > 0 ? panelWidth + 1 : 0);
}

export function exerciseLayout(input: {
  rows: number;
  columns: number;
  panelVisible: boolean;
  taskLines: number;
  checkLines: number;
  transcriptLines: number;
}): ExerciseLayout {
  const frameRows = Math.max(8, input.rows - 1);
  const panelWidth = shownPanelWidth(input.columns, input.panelVisible);
  const leftWidth = leftWidthFor(input.columns, input.panelVisible);
  // header + prompt + status line
  let rest = frameRows - 3;
  const checkRows = Math.min(input.checkLines + 1, Math.max(2, Math.floor(rest * 0.35)));
  rest -= checkRows;
  const taskRows = Math.min(input.taskLines + 1, Math.max(2, Math.floor(rest * 0.35)));
  rest -= taskRows;
  const transcriptRows = Math.max(Math.min(3, rest), Math.min(Math.max(3, input.transcriptLines), Math.floor(rest * 0.6)));
  const lessonRows = Math.max(0, rest - transcriptRows);
  return { frameRows, leftWidth, panelWidth, lessonRows, taskRows, checkRows, transcriptRows };
}

/** Cuts plain text into lines of at most `width` columns; text with escape codes is left for Ink to truncate. */
export function hardWrap(text: string, width: number, measure: (s: string) => number): string[] {
  if (text.includes('\x1b') || measure(text) <= width || width <= 0) return [text];
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (measure(line + char) > width) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  lines.push(line);
  return lines;
}

/**
 * Wraps prose at spaces, so a hint never breaks "PO" / "NG." mid-word.
 * Continuation lines keep the line's own indentation (a solution line stays
 * under its neighbours) unless `hanging` gives theirs; a word wider than the
 * line is cut as hardWrap would.
 * Redis output keeps hardWrap: a terminal running redis-cli cuts it by column.
 */
export function wordWrap(text: string, width: number, measure: (s: string) => number, hanging?: string): string[] {
  if (text.includes('\x1b') || measure(text) <= width || width <= 0) return [text];
  const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
  const wanted = hanging ?? leading;
  // An indent that leaves no room for words is dropped rather than honoured.
  const indent = measure(wanted) * 2 <= width ? wanted : '';
  const lines: string[] = [];
  let line = leading;
  let pendingSpace = '';
  for (const [, word = '', space = ''] of text.slice(leading.length).matchAll(/(\S+)(\s*)/g)) {
    const fresh = line.trim() === '';
    if (!fresh && measure(line + pendingSpace + word) > width) {
      lines.push(line);
      line = indent;
    } else if (!fresh) line += pendingSpace;
    if (measure(line + word) > width) {
      // Too long for any line: cut it, and go on after its last piece.
      const pieces = hardWrap(line + word, width, measure);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
    } else line += word;
    pendingSpace = space;
  }
  lines.push(line);
  return lines;
}
