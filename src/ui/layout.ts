import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

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

/**
 * Cuts text into lines of at most `width` columns, by column as a terminal
 * does (spaces kept, words split); escape codes are kept and each line's
 * style closed and reopened. Each '\n' starts a line of its own.
 */
export function hardWrap(text: string, width: number): string[] {
  if (width <= 0) return [text];
  return wrapAnsi(text, width, { hard: true, wordWrap: false, trim: false }).split('\n');
}

/**
 * Wraps prose at spaces, so a hint never breaks "PO" / "NG." mid-word.
 * Continuation lines keep the line's own indentation (a solution line stays
 * under its neighbours) unless `hanging` gives theirs; a word wider than the
 * line is cut as hardWrap would.
 * Redis output keeps hardWrap: a terminal running redis-cli cuts it by column.
 */
export function wordWrap(text: string, width: number, hanging?: string): string[] {
  if (width <= 0) return [text];
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, hanging));
}

function wrapParagraph(text: string, width: number, hanging: string | undefined): string[] {
  if (stringWidth(text) <= width) return [text];
  const leading = /^[ \t]*/.exec(text)?.[0] ?? '';
  // An indent that leaves no room for words is dropped rather than honoured.
  const roomy = (indent: string) => (stringWidth(indent) * 2 <= width ? indent : '');
  const first = roomy(leading);
  const rest = roomy(hanging ?? leading);
  const body = text.slice(leading.length);
  const wrap = (part: string, indent: string) => wrapAnsi(part, width - stringWidth(indent), { hard: true }).split('\n');
  const [head = ''] = wrap(body, first);
  // The first line may have more room than the rest (a hanging indent), so what is left after it is wrapped on its own.
  const tail = sliceAnsi(body, stringWidth(head));
  return [first + head, ...(stringWidth(tail.trim()) > 0 ? wrap(tail, rest).map((line) => rest + line) : [])];
}
