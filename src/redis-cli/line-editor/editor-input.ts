/**
 * What the line editor reacts to. A terminal driver feeds raw bytes one by
 * one, as linenoise reads them (the editor itself collects the bytes after
 * ESC); a UI toolkit that has already decoded a key may pass the whole
 * escape sequence instead.
 */

export type EditorInput =
  /** One byte: a control key (Ctrl-A is 1, Enter is 13, Backspace 127), ESC (27), or a byte of typed text. */
  | { readonly type: 'byte'; readonly byte: number }
  /**
   * ESC and the bytes read after it, e.g. `[A` for Up. An empty sequence is
   * a lone ESC key as a UI toolkit reports it: it ends TAB completion and
   * does nothing else.
   */
  | { readonly type: 'escape'; readonly sequence: string };

export function byteInput(byte: number): EditorInput {
  return { type: 'byte', byte };
}

export function escapeInput(sequence: string): EditorInput {
  return { type: 'escape', sequence };
}

/** Bytes as a terminal sends them, one input each; strings are taken as UTF-8. */
export function bytesInputs(bytes: Buffer | Uint8Array | string): EditorInput[] {
  return [...(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)].map(byteInput);
}

/** Named keys, for tests and for UIs that receive keys already decoded. */
export const KEY = {
  ctrlA: byteInput(1),
  ctrlB: byteInput(2),
  ctrlC: byteInput(3),
  ctrlD: byteInput(4),
  ctrlE: byteInput(5),
  ctrlF: byteInput(6),
  ctrlH: byteInput(8),
  tab: byteInput(9),
  ctrlK: byteInput(11),
  ctrlL: byteInput(12),
  enter: byteInput(13),
  ctrlN: byteInput(14),
  ctrlP: byteInput(16),
  ctrlT: byteInput(20),
  ctrlU: byteInput(21),
  ctrlW: byteInput(23),
  backspace: byteInput(127),
  escape: escapeInput(''),
  up: escapeInput('[A'),
  down: escapeInput('[B'),
  right: escapeInput('[C'),
  left: escapeInput('[D'),
  home: escapeInput('[H'),
  end: escapeInput('[F'),
  delete: escapeInput('[3~'),
} as const satisfies Record<string, EditorInput>;
