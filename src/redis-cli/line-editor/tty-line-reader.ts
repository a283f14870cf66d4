/**
 * Binds the pure line editor to a terminal: raw mode on while a line is
 * edited, keyboard bytes in, redraw bytes out, BEL to the beep stream.
 */
import type { Readable, Writable } from 'node:stream';
import type { History } from '../history.js';
import { byteInput } from './editor-input.js';
import type { EditorEffect, EditorState, LineEditorConfig } from './editor-state.js';
import { applyInput, startLine } from './line-editor.js';

export type ReadLineResult =
  | { readonly type: 'line'; readonly line: Buffer }
  /** Ctrl-D on an empty line, or the input stream ended. */
  | { readonly type: 'eof' }
  /** Ctrl-C at the prompt. */
  | { readonly type: 'interrupt' };

export interface ReadLineRequest {
  readonly prompt: Buffer | string;
  /** Browsed with Up/Down; edits made to recalled entries are written back, as linenoise does. The line itself is not added. */
  readonly history?: History;
  readonly hints?: LineEditorConfig['hints'];
  readonly completions?: LineEditorConfig['completions'];
}

/** A TTY input (process.stdin) or any byte stream, e.g. in tests. */
export type KeyboardStream = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export type ScreenStream = Writable & { columns?: number };

export interface TtyLineReaderOptions {
  readonly input: KeyboardStream;
  readonly output: ScreenStream;
  /** Where the completion beep goes; redis-cli writes it to stderr. */
  readonly beepOutput?: Writable;
}

/** linenoise's isUnsupportedTerm(): these terminals get a plain cooked-mode prompt instead. */
export function isUnsupportedTerm(env: NodeJS.ProcessEnv = process.env): boolean {
  const term = env['TERM'];
  return term !== undefined && ['dumb', 'cons25', 'emacs'].includes(term.toLowerCase());
}

const BEL = Buffer.from('\x07', 'latin1');

export class TtyLineReader {
  private readonly input: KeyboardStream;
  private readonly output: ScreenStream;
  private readonly beepOutput: Writable;
  private reading = false;

  constructor(options: TtyLineReaderOptions) {
    this.input = options.input;
    this.output = options.output;
    this.beepOutput = options.beepOutput ?? process.stderr;
  }

  /**
   * Edits one line. Like redis-cli, whose tcsetattr(TCSAFLUSH) discards
   * unread input when raw mode goes on and off, keys typed while a command
   * ran and the rest of a paste after its first line are dropped: pasting
   * several lines runs only the first.
   */
  readLine(request: ReadLineRequest): Promise<ReadLineResult> {
    if (this.reading) return Promise.reject(new Error('readLine is already waiting for a line'));
    if (this.input.readableEnded) return Promise.resolve({ type: 'eof' });
    this.reading = true;
    const start = startLine({
      prompt: request.prompt,
      columns: this.output.columns,
      history: request.history?.entries ?? [],
      historyMaxLength: request.history?.maxLength,
      hints: request.hints ?? null,
      completions: request.completions ?? null,
    });
    let state: EditorState = start.state;
    this.setRawMode(true);

    return new Promise<ReadLineResult>((resolve) => {
      const finish = (result: ReadLineResult, history: readonly Buffer[] | null): void => {
        this.input.off('data', onData);
        this.input.off('end', onEnd);
        this.input.pause();
        this.setRawMode(false);
        if (history !== null) request.history?.replaceEntries(history);
        this.reading = false;
        resolve(result);
      };
      const onData = (chunk: Buffer | string): void => {
        if (flushing) return;
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        for (const byte of bytes) {
          const step = applyInput(state, byteInput(byte));
          state = step.state;
          this.perform(step.effects);
          if (step.outcome === null) continue;
          const { outcome } = step;
          finish(outcome.type === 'line' ? { type: 'line', line: outcome.line } : { type: outcome.type }, outcome.history);
          return;
        }
      };
      const onEnd = (): void => {
        this.output.write('\n');
        finish({ type: 'eof' }, null);
      };
      // Node cannot tcflush(); instead drop what is already waiting, which is
      // delivered (from Node's buffer, or the kernel's at the next poll)
      // before a second check phase comes round. The prompt follows, as
      // redis-cli prints it after the flush.
      let flushing = this.input.isTTY === true;
      const begin = (): void => {
        flushing = false;
        this.perform(start.effects);
      };
      if (flushing) setImmediate(() => setImmediate(begin));
      else begin();
      this.input.on('data', onData);
      this.input.once('end', onEnd);
      this.input.resume();
    });
  }

  private perform(effects: readonly EditorEffect[]): void {
    // One write per run of redraw bytes, like linenoise's single write() per refresh.
    let pending: Buffer[] = [];
    const flush = (): void => {
      if (pending.length > 0) this.output.write(Buffer.concat(pending));
      pending = [];
    };
    for (const effect of effects) {
      if (effect.type === 'write') {
        pending.push(effect.bytes);
      } else {
        flush();
        this.beepOutput.write(BEL);
      }
    }
    flush();
  }

  private setRawMode(raw: boolean): void {
    if (this.input.isTTY === true && typeof this.input.setRawMode === 'function') this.input.setRawMode(raw);
  }
}
