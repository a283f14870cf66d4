/**
 * The line editor's data: its settings, the state a line is edited in, and
 * what one step of editing yields. line-editor.ts holds the machine itself.
 */
import type { Hint, ScreenState } from './render-line.js';

/** LINENOISE_MAX_LINE is 4096 including the terminating NUL. */
export const MAX_LINE_LENGTH = 4095;

export interface LineEditorConfig {
  readonly prompt: Buffer;
  /** Terminal width, read once when the line starts, as linenoise does. */
  readonly columns: number;
  /** The hint for the current buffer; null turns hints off entirely (no final hint-free redraw either). */
  readonly hints: ((line: Buffer) => Hint | null) | null;
  /** TAB candidates; null makes TAB insert a literal tab, as linenoise without a completion callback. */
  readonly completions: ((line: Buffer) => readonly Buffer[]) | null;
  readonly maxLineLength: number;
}

export interface CompletionCycle {
  readonly candidates: readonly Buffer[];
  /** The candidate on screen; candidates.length means the original text is back. */
  readonly index: number;
}

export interface EditorState {
  readonly config: LineEditorConfig;
  readonly buffer: Buffer;
  /** Byte offset into buffer. */
  readonly cursor: number;
  /**
   * linenoise's history while a line is edited: the stored entries plus the
   * line being typed as the newest one. Browsing saves edits into the entry
   * being left, so recalled lines can be changed in place.
   */
  readonly history: readonly Buffer[];
  /** 0 is the line being typed, 1 the newest stored entry, and so on. */
  readonly historyIndex: number;
  readonly screen: ScreenState;
  readonly completion: CompletionCycle | null;
  /** The bytes read so far after an ESC, or null outside an escape sequence. */
  readonly escape: string | null;
}

export type EditorEffect =
  | { readonly type: 'write'; readonly bytes: Buffer }
  /** linenoiseBeep(): redis-cli writes BEL to stderr. */
  | { readonly type: 'beep' };

export type EditorOutcome =
  /** Enter. `history` is the stored list to keep (edits to recalled entries included, the typed line not yet added). */
  | { readonly type: 'line'; readonly line: Buffer; readonly history: readonly Buffer[] }
  /** Ctrl-D on an empty line. */
  | { readonly type: 'eof'; readonly history: readonly Buffer[] }
  /** Ctrl-C. redis-cli treats it like EOF: it exits with status 0. */
  | { readonly type: 'interrupt'; readonly history: readonly Buffer[] };

export interface EditorStep {
  readonly state: EditorState;
  readonly effects: readonly EditorEffect[];
  /** Set once the line is finished; feed no more input to this state after that. */
  readonly outcome: EditorOutcome | null;
}

export interface StartLineOptions {
  readonly prompt: Buffer | string;
  readonly columns?: number;
  /** The stored history, oldest first. */
  readonly history?: readonly Buffer[];
  readonly historyMaxLength?: number;
  readonly hints?: LineEditorConfig['hints'];
  readonly completions?: LineEditorConfig['completions'];
  readonly maxLineLength?: number;
}
