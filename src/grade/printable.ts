/**
 * A student's program can print anything, escape sequences included; shown
 * raw they could rewrite the teacher's terminal or a CI log. Control
 * characters other than tab become visible \xNN escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding the control characters is this function's job
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
