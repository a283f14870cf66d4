/**
 * redis-cli's line editor (its bundled linenoise, multi-line mode) as a pure
 * state machine: feed it inputs, get the new state, the bytes to write and,
 * once the line is done, the outcome. No terminal I/O happens here, so the
 * same machine drives a raw TTY and a UI toolkit alike.
 */
import { cString } from '../split-args.js';
import type { EditorInput } from './editor-input.js';
import { CLEAR_SCREEN, FRESH_SCREEN, renderLine } from './render-line.js';
import {
  MAX_LINE_LENGTH,
  type EditorEffect,
  type EditorOutcome,
  type EditorState,
  type EditorStep,
  type LineEditorConfig,
  type StartLineOptions,
} from './editor-state.js';

const ENTER = 13;
const ESC = 27;
const TAB = 9;
const NEWLINE = Buffer.from('\n', 'latin1');

/** linenoiseEdit()'s start: an empty line, the prompt written as is. */
export function startLine(options: StartLineOptions): EditorStep {
  const prompt = typeof options.prompt === 'string' ? Buffer.from(options.prompt, 'utf8') : options.prompt;
  const config: LineEditorConfig = {
    prompt,
    columns: options.columns !== undefined && options.columns > 0 ? options.columns : 80,
    hints: options.hints ?? null,
    completions: options.completions ?? null,
    maxLineLength: options.maxLineLength ?? MAX_LINE_LENGTH,
  };
  const state: EditorState = {
    config,
    buffer: Buffer.alloc(0),
    cursor: 0,
    history: withEmptyNewest(options.history ?? [], options.historyMaxLength ?? 100),
    historyIndex: 0,
    screen: FRESH_SCREEN,
    completion: null,
    escape: null,
  };
  return { state, effects: [{ type: 'write', bytes: Buffer.from(prompt) }], outcome: null };
}

/** linenoiseHistoryAdd(""): skipped when the newest entry is already empty, and it may push out the oldest. */
function withEmptyNewest(history: readonly Buffer[], maxLength: number): Buffer[] {
  const entries = [...history];
  if (maxLength === 0) return entries;
  if (entries.length > 0 && (entries[entries.length - 1] as Buffer).length === 0) return entries;
  if (entries.length >= maxLength) entries.splice(0, entries.length - maxLength + 1);
  entries.push(Buffer.alloc(0));
  return entries;
}

/** Applies inputs until the line finishes; inputs after that are not read, as linenoise stops reading. */
export function applyInputs(state: EditorState, inputs: Iterable<EditorInput>): EditorStep & { consumed: number } {
  let current = state;
  const effects: EditorEffect[] = [];
  let consumed = 0;
  for (const input of inputs) {
    const step = applyInput(current, input);
    consumed++;
    effects.push(...step.effects);
    current = step.state;
    if (step.outcome !== null) return { state: current, effects, outcome: step.outcome, consumed };
  }
  return { state: current, effects, outcome: null, consumed };
}

export function applyInput(state: EditorState, input: EditorInput): EditorStep {
  const step = new Step(state);
  if (input.type === 'escape') {
    step.endCompletionByEscape();
    step.set({ escape: null });
    step.escapeSequence(input.sequence);
  } else if (step.state.escape !== null) {
    step.continueEscape(input.byte);
  } else if (step.state.completion !== null) {
    step.completionKey(input.byte);
  } else if (input.byte === TAB && step.state.config.completions !== null) {
    step.startCompletion();
  } else {
    step.key(input.byte);
  }
  return step.result();
}

/** One input's worth of work: the evolving state and what it wrote. */
class Step {
  state: EditorState;
  private readonly effects: EditorEffect[] = [];
  private outcome: EditorOutcome | null = null;

  constructor(state: EditorState) {
    this.state = state;
  }

  result(): EditorStep {
    return { state: this.state, effects: this.effects, outcome: this.outcome };
  }

  set(changes: Partial<EditorState>): void {
    this.state = { ...this.state, ...changes };
  }

  // --- TAB completion (linenoise's completeLine) ---

  startCompletion(): void {
    const candidates = this.state.config.completions?.(cString(this.state.buffer)) ?? [];
    if (candidates.length === 0) {
      this.beep();
      return;
    }
    this.set({ completion: { candidates, index: 0 } });
    this.refreshCompletion();
  }

  completionKey(byte: number): void {
    const cycle = this.state.completion;
    if (cycle === null) return;
    if (byte === TAB) {
      const index = (cycle.index + 1) % (cycle.candidates.length + 1);
      this.set({ completion: { ...cycle, index } });
      if (index === cycle.candidates.length) this.beep();
      this.refreshCompletion();
      return;
    }
    if (byte === ESC) {
      this.endCompletionByEscape();
      this.set({ escape: '' });
      return;
    }
    // Any other key takes the candidate on screen, then does its usual job.
    const chosen = cycle.candidates[cycle.index];
    if (chosen !== undefined) {
      const buffer = Buffer.from(chosen.subarray(0, this.state.config.maxLineLength - 1));
      this.set({ buffer, cursor: buffer.length });
    }
    this.set({ completion: null });
    this.key(byte);
  }

  /** ESC puts the original text back on screen (if a candidate was showing) and ends the cycle. */
  endCompletionByEscape(): void {
    const cycle = this.state.completion;
    if (cycle === null) return;
    this.set({ completion: null });
    if (cycle.index < cycle.candidates.length) this.refresh();
  }

  private refreshCompletion(): void {
    const cycle = this.state.completion;
    const shown = cycle === null ? undefined : cycle.candidates[cycle.index];
    if (shown === undefined) this.refresh();
    else this.refresh({ buffer: shown, cursor: shown.length });
  }

  // --- escape sequences ---

  continueEscape(byte: number): void {
    const sequence = (this.state.escape ?? '') + String.fromCharCode(byte);
    const extended = sequence[0] === '[' && sequence.length >= 2 && isDigit(sequence[1] as string);
    if (sequence.length < (extended ? 3 : 2)) {
      this.set({ escape: sequence });
      return;
    }
    this.set({ escape: null });
    this.escapeSequence(sequence);
  }

  escapeSequence(sequence: string): void {
    switch (sequence) {
      case '[3~':
        return this.deleteUnderCursor();
      case '[A':
        return this.history(+1);
      case '[B':
        return this.history(-1);
      case '[C':
        return this.moveRight();
      case '[D':
        return this.moveLeft();
      case '[H':
      case 'OH':
        return this.moveTo(0);
      case '[F':
      case 'OF':
        return this.moveTo(this.state.buffer.length);
    }
  }

  // --- keys (linenoiseEdit's switch) ---

  key(byte: number): void {
    const { buffer, cursor } = this.state;
    switch (byte) {
      case ENTER:
        return this.enter();
      case 3: // Ctrl-C
        this.finish({ type: 'interrupt', history: this.state.history.slice(0, -1) });
        return;
      case 127: // Backspace
      case 8: // Ctrl-H
        if (cursor > 0 && buffer.length > 0) this.replace(cursor - 1, cursor, cursor - 1);
        return;
      case 4: // Ctrl-D: delete, or end of input on an empty line
        if (buffer.length > 0) this.deleteUnderCursor();
        else this.finish({ type: 'eof', history: this.state.history.slice(0, -1) });
        return;
      case 20: // Ctrl-T: swap with the previous character, moving right unless on the last one
        if (cursor > 0 && cursor < buffer.length) {
          const swapped = Buffer.from(buffer);
          swapped[cursor - 1] = buffer[cursor] as number;
          swapped[cursor] = buffer[cursor - 1] as number;
          this.set({ buffer: swapped, cursor: cursor !== buffer.length - 1 ? cursor + 1 : cursor });
          this.refresh();
        }
        return;
      case 2: // Ctrl-B
        return this.moveLeft();
      case 6: // Ctrl-F
        return this.moveRight();
      case 16: // Ctrl-P
        return this.history(+1);
      case 14: // Ctrl-N
        return this.history(-1);
      case ESC:
        this.set({ escape: '' });
        return;
      case 21: // Ctrl-U
        this.set({ buffer: Buffer.alloc(0), cursor: 0 });
        this.refresh();
        return;
      case 11: // Ctrl-K
        this.set({ buffer: Buffer.from(buffer.subarray(0, cursor)) });
        this.refresh();
        return;
      case 1: // Ctrl-A
        return this.moveTo(0);
      case 5: // Ctrl-E
        return this.moveTo(buffer.length);
      case 12: // Ctrl-L
        this.write(CLEAR_SCREEN);
        this.refresh();
        return;
      case 23: // Ctrl-W
        return this.deletePreviousWord();
      default:
        return this.insert(byte);
    }
  }

  private enter(): void {
    const history = this.state.history.slice(0, -1);
    this.moveTo(this.state.buffer.length);
    // Redraw once without the hint so the finished line stays as typed.
    if (this.state.config.hints !== null) this.refresh({ withHint: false });
    this.finish({ type: 'line', line: Buffer.from(cString(this.state.buffer)), history });
  }

  private insert(byte: number): void {
    const { buffer, cursor, config } = this.state;
    if (buffer.length >= config.maxLineLength) return;
    this.replace(cursor, cursor, cursor + 1, Buffer.of(byte));
  }

  private deleteUnderCursor(): void {
    const { buffer, cursor } = this.state;
    if (buffer.length > 0 && cursor < buffer.length) this.replace(cursor, cursor + 1, cursor);
  }

  /** Ctrl-W: spaces, then non-spaces, to the left of the cursor. */
  private deletePreviousWord(): void {
    const { buffer, cursor } = this.state;
    let start = cursor;
    while (start > 0 && buffer[start - 1] === 0x20) start--;
    while (start > 0 && buffer[start - 1] !== 0x20) start--;
    this.replace(start, cursor, start);
  }

  private moveLeft(): void {
    if (this.state.cursor > 0) this.moveTo(this.state.cursor - 1);
  }

  private moveRight(): void {
    if (this.state.cursor !== this.state.buffer.length) this.moveTo(this.state.cursor + 1);
  }

  private moveTo(cursor: number): void {
    if (cursor === this.state.cursor) return;
    this.set({ cursor });
    this.refresh();
  }

  /** linenoiseEditHistoryNext(): +1 is older (Up, Ctrl-P), -1 newer. */
  private history(direction: 1 | -1): void {
    const { history, historyIndex, buffer, config } = this.state;
    if (history.length <= 1) return;
    const saved = [...history];
    saved[history.length - 1 - historyIndex] = Buffer.from(cString(buffer));
    const index = historyIndex + direction;
    if (index < 0 || index >= history.length) {
      this.set({ history: saved, historyIndex: index < 0 ? 0 : history.length - 1 });
      return;
    }
    const recalled = Buffer.from((saved[history.length - 1 - index] as Buffer).subarray(0, config.maxLineLength - 1));
    this.set({ history: saved, historyIndex: index, buffer: recalled, cursor: recalled.length });
    this.refresh();
  }

  /** Replaces buffer[start, end) with `insert`, puts the cursor at `cursor`, and redraws. */
  private replace(start: number, end: number, cursor: number, insert: Buffer = Buffer.alloc(0)): void {
    const { buffer } = this.state;
    this.set({ buffer: Buffer.concat([buffer.subarray(0, start), insert, buffer.subarray(end)]), cursor });
    this.refresh();
  }

  private refresh(options: { buffer?: Buffer; cursor?: number; withHint?: boolean } = {}): void {
    const { config } = this.state;
    const hints = options.withHint === false ? null : config.hints;
    const rendered = renderLine(this.state.screen, {
      prompt: config.prompt,
      buffer: options.buffer ?? this.state.buffer,
      cursor: options.cursor ?? this.state.cursor,
      columns: config.columns,
      hint: hints === null ? null : (line) => hints(cString(line)),
    });
    this.set({ screen: rendered.screen });
    this.write(rendered.bytes);
  }

  private write(bytes: Buffer): void {
    this.effects.push({ type: 'write', bytes });
  }

  private beep(): void {
    this.effects.push({ type: 'beep' });
  }

  /** linenoiseRaw() prints a newline once the editor returns, whatever the outcome. */
  private finish(outcome: EditorOutcome): void {
    this.write(NEWLINE);
    this.outcome = outcome;
  }
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}
