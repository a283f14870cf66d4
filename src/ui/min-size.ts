/**
 * The smallest terminal the exercise screen is laid out for. At 80×24 a task
 * of up to 13 lines at 77 columns (the bundled course's longest, in either
 * language) is shown whole beside a checklist title and its first check,
 * three transcript rows, the prompt, the key line and the status line
 * (test/ui/min-size.test.tsx holds the course to it). Below it the screen
 * would cut the task mid-sentence, so a notice asks for a larger window.
 */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function terminalFits(size: { columns: number; rows: number }): boolean {
  return size.columns >= MIN_COLUMNS && size.rows >= MIN_ROWS;
}
