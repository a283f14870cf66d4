import cliTruncate from 'cli-truncate';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

/*
 * Columns are measured with string-width, the library Ink itself uses, so
 * what we lay out agrees with what Ink draws (emoji, ZWJ sequences, flags,
 * combining marks, CJK, escape codes). Measure with `stringWidth` directly;
 * this module adds only the product's promise: a result never overflows.
 */

/**
 * The longest prefix of `text` that fits in `width` columns, escape codes
 * kept and any style left open closed. slice-ansi keeps a wide character
 * that starts in the last column (one column too many), so such a cut is
 * taken one column shorter.
 */
export function sliceToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text) <= width) return text;
  const cut = sliceAnsi(text, 0, width);
  return stringWidth(cut) <= width ? cut : sliceAnsi(text, 0, width - 1);
}

/** Like sliceToWidth, with `…` when something was cut (the ellipsis inherits the style of the text it ends). */
export function truncateToWidth(text: string, width: number): string {
  const cut = cliTruncate(text, width);
  // Same overflow as above: cli-truncate slices with slice-ansi and then adds the ellipsis.
  return stringWidth(cut) <= width ? cut : cliTruncate(text, width - 1);
}

/** Pads with spaces on the right up to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
