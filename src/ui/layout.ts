import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/**
 * How the exercise screen shares the terminal. Every section gets an exact
 * number of rows so the frame never grows past the screen (which would make
 * Ink clear and redraw everything, the flicker the issue rules out).
 *
 * The lesson, the task and the checklist sit in the left column, the data
 * panel beside them; the transcript and the prompt run the whole width
 * below, as a terminal's would.
 */
export interface ExerciseLayout {
  /** Total rows the frame uses: one less than the terminal, so Ink redraws in place. */
  frameRows: number;
  leftWidth: number;
  panelWidth: number;
  /** The rows beside the data panel: lesson, task and checklist. */
  upperRows: number;
  lessonRows: number;
  taskRows: number;
  checkRows: number;
  transcriptRows: number;
  /** The task is shown whole (false only below the minimum size, or with the panel where it leaves no room). */
  taskFits: boolean;
}

export { MIN_COLUMNS_FOR_DEFAULT_PANEL } from '../tutor/state/app-state.js';

/** Header, prompt, key line and status line. */
const FIXED_ROWS = 4;
const MIN_TRANSCRIPT_ROWS = 3;
/** The checklist's title and its first check. */
const MIN_CHECK_ROWS = 2;
/**
 * The lesson's "▼ PgDn" line, kept unless the task needs that row too (then
 * the task's title carries the marker; paging into the lesson folds the task).
 */
const MIN_LESSON_ROWS = 1;
/**
 * Lesson and task lines stop here on a wide terminal: lines much longer are
 * hard to follow back to the next one.
 */
export const READING_WIDTH = 100;

export function panelWidthFor(columns: number): number {
  return Math.max(26, Math.min(48, Math.floor(columns * 0.36)));
}

function shownPanelWidth(columns: number, panelVisible: boolean): number {
  return panelVisible && columns >= 60 ? panelWidthFor(columns) : 0;
}

/** The width of the lesson / task / checklist column; known before the rows are shared out, so sections can wrap to it first. */
export function leftWidthFor(columns: number, panelVisible: boolean): number {
  const panelWidth = shownPanelWidth(columns, panelVisible);
  return columns - (panelWidth > 0 ? panelWidth + 1 : 0);
}

/** The width lesson text wraps to: the column less a margin, at most READING_WIDTH. */
export function textWidthFor(columns: number, panelVisible: boolean): number {
  return Math.min(READING_WIDTH, leftWidthFor(columns, panelVisible) - 1);
}

/**
 * Shares the rows out. The task comes first and is shown whole (it is what
 * the learner acts on, and cannot scroll); the checklist and the transcript
 * keep a few rows each; the lesson, which scrolls, takes what is left.
 */
export function exerciseLayout(input: {
  rows: number;
  columns: number;
  panelVisible: boolean;
  taskLines: number;
  checkLines: number;
  transcriptLines: number;
}): ExerciseLayout {
  const frameRows = Math.max(FIXED_ROWS + MIN_TRANSCRIPT_ROWS + MIN_CHECK_ROWS + 2, input.rows - 1);
  const panelWidth = shownPanelWidth(input.columns, input.panelVisible);
  const leftWidth = leftWidthFor(input.columns, input.panelVisible);
  const sections = frameRows - FIXED_ROWS;
  let rest = sections;
  const taskWanted = input.taskLines + 1;
  const taskRows = Math.max(2, Math.min(taskWanted, rest - MIN_TRANSCRIPT_ROWS - MIN_CHECK_ROWS));
  rest -= taskRows;
  const checkShare = Math.min(input.checkLines + 1, Math.max(MIN_CHECK_ROWS, Math.floor(sections * 0.35)));
  const checkRows = Math.max(Math.min(MIN_CHECK_ROWS, rest), Math.min(checkShare, rest - MIN_TRANSCRIPT_ROWS - MIN_LESSON_ROWS));
  rest -= checkRows;
  const transcriptRows = Math.max(Math.min(MIN_TRANSCRIPT_ROWS, rest), Math.min(Math.max(MIN_TRANSCRIPT_ROWS, input.transcriptLines), Math.floor(rest * 0.6)));
  const lessonRows = Math.max(0, rest - transcriptRows);
  return {
    frameRows,
    leftWidth,
    panelWidth,
    upperRows: lessonRows + taskRows + checkRows,
    lessonRows,
    taskRows,
    checkRows,
    transcriptRows,
    taskFits: taskRows >= taskWanted,
  };
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
 * Redis output wraps with replyWrap; what the learner typed keeps hardWrap,
 * as a line editor wraps it.
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

/**
 * Redis output (replies, `help SET`) wrapped at spaces rather than cut by
 * column: a cut option name or value reads as a different one. A
 * continuation line hangs under the text after the line's indentation and
 * its marker (`1) `, `summary: `), so a long array item or help field stays
 * visibly one item.
 */
export function replyWrap(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => {
    const marker = /^[ \t]*(?:\d+\) |[a-z]+: )?/.exec(line)?.[0] ?? '';
    return wordWrap(line, width, ' '.repeat(stringWidth(marker)));
  });
}
