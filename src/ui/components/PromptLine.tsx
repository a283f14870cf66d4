import { Text, useInput, useStdin, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { KEY, applyInput, byteInput, bytesInputs, startLine, type EditorInput, type EditorState } from '../../redis-cli/line-editor/index.js';
import stringWidth from 'string-width';
import { sliceToWidth } from '../../markdown/text-width.js';
import { HINT_COLOR } from '../../redis-cli/hints.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';

/**
 * The redis-cli prompt: redis-cli's own line editor (linenoise as a pure
 * state machine) fed with Ink's keys, with its history, TAB completion and
 * grey argument hints. Ctrl-C clears a typed line, and on an empty line asks
 * the controller (cancel a blocking command, leave subscribe mode, or quit).
 */
export function PromptLine({ active, shown: visible = true, width }: { active: boolean; shown?: boolean; width?: number }) {
  const { chalk, services, controller } = useTui();
  const state = useAppState();
  const { columns } = useTerminalSize();
  const fresh = () =>
    startLine({
      prompt: state.promptText,
      columns,
      history: services.history.entries,
      hints: (line) => {
        const hint = services.hint(line);
        return hint === null ? null : { text: Buffer.from(hint, 'utf8'), color: HINT_COLOR, bold: false };
      },
      completions: (line) => services.completions(line),
    }).state;
  const [editor, setEditorState] = useState<EditorState>(fresh);
  // Keys can arrive faster than frames: the ref is the truth, the state only asks for a render.
  const editorRef = useRef(editor);
  const setEditor = (next: EditorState) => {
    editorRef.current = next;
    setEditorState(next);
  };
  // Ink reports Backspace (DEL, 0x7f) and the Delete key (ESC [3~) both as `key.delete`; the raw
  // sequence tells them apart. Prepended, so it is recorded before any useInput handler sees the key.
  const { internal_eventEmitter: inputEvents } = useStdin();
  const lastRawInput = useRef('');
  useEffect(() => {
    const record = (data: unknown) => {
      lastRawInput.current = typeof data === 'string' ? data : '';
    };
    inputEvents.prependListener('input', record);
    return () => {
      inputEvents.removeListener('input', record);
    };
  }, [inputEvents]);

  // A new prompt string (SELECT, MULTI) or a new exercise starts a new line, as redis-cli does after each command.
  const started = useRef({ promptText: state.promptText, exerciseId: state.exerciseId });
  useEffect(() => {
    if (started.current.promptText === state.promptText && started.current.exerciseId === state.exerciseId) return;
    const sameExercise = started.current.exerciseId === state.exerciseId;
    started.current = { promptText: state.promptText, exerciseId: state.exerciseId };
    let next = fresh();
    // Keys typed while the command that changed the prompt ran (SELECT 0, then at once GET …) are the
    // start of the next line, as a terminal would have buffered them for redis-cli.
    const typedAhead = editorRef.current.buffer;
    if (sameExercise) for (const input of bytesInputs(typedAhead)) next = applyInput(next, input).state;
    setEditor(next);
  }, [state.promptText, state.exerciseId]);

  useInput(
    (input, key) => {
      if (!controller) return;
      const current = editorRef.current;
      if (key.ctrl && input === 'c') {
        if (current.buffer.length > 0) setEditor(fresh());
        else void controller.interrupt();
        return;
      }
      // A program exercise's own keys (Ctrl-O editor, Ctrl-G language: ./use-program-keys.ts) are not typed into the line.
      if (state.program && key.ctrl && (input === 'o' || input === 'g')) return;
      let next = editorRef.current;
      for (const editorInput of toEditorInputs(input, key, lastRawInput.current)) {
        const step = applyInput(next, editorInput);
        next = step.state;
        // Keys after Enter in the same chunk (fast typing, a paste) belong to the next line.
        if (step.outcome?.type === 'line') {
          services.history.replaceEntries(step.outcome.history);
          // submit() adds the line to the history synchronously, before the next line starts from it.
          void controller.submit(step.outcome.line.toString('utf8'));
          next = fresh();
        } else if (step.outcome?.type === 'eof' || step.outcome?.type === 'interrupt') {
          void controller.interrupt();
          next = fresh();
        }
      }
      setEditor(next);
    },
    { isActive: active },
  );

  // While TAB cycles, linenoise shows the candidate in place of the line, the cursor at its end.
  const cycling = editor.completion !== null && editor.completion.index < editor.completion.candidates.length;
  const shown = cycling ? (editor.completion?.candidates[editor.completion.index] ?? editor.buffer) : editor.buffer;
  const cursor = cycling ? shown.length : editor.cursor;
  const before = shown.subarray(0, cursor).toString('utf8');
  const atCursor = shown.subarray(cursor).toString('utf8');
  const cursorChar = atCursor.length > 0 ? [...atCursor][0] ?? ' ' : ' ';
  const after = atCursor.length > 0 ? atCursor.slice(cursorChar.length) : '';
  const hint = services.hint(shown);
  if (!visible) return <Text> </Text>;
  // As linenoise does: the hint gets the columns left after the line, cut to fit. Left to Ink's
  // truncate-start, a long hint would push the prompt and the typed text off the line instead.
  const typedWidth = stringWidth(state.promptText + before + cursorChar + after);
  const hintText = hint !== null && after === '' ? sliceToWidth(hint.slice(atCursor.length > 0 ? 0 : 1), (width ?? columns) - typedWidth) : '';
  return (
    <Text wrap="truncate-start">
      {state.promptText}
      {before}
      {active ? chalk.inverse(cursorChar) : cursorChar}
      {after}
      {hintText !== '' ? chalk.gray(hintText) : ''}
    </Text>
  );
}

/** Ink's decoded key, back into what linenoise reads; `raw` is the sequence the terminal sent for it. */
export function toEditorInputs(input: string, key: Key, raw = ''): EditorInput[] {
  if (key.return) return [KEY.enter];
  if (key.tab) return [KEY.tab];
  if (key.delete && isForwardDelete(raw)) return [KEY.delete];
  if (key.backspace || key.delete) return [KEY.backspace];
  if (key.upArrow) return [KEY.up];
  if (key.downArrow) return [KEY.down];
  if (key.leftArrow) return [KEY.left];
  if (key.rightArrow) return [KEY.right];
  if (key.home) return [KEY.home];
  if (key.end) return [KEY.end];
  if (key.escape) return [KEY.escape];
  if (key.pageUp || key.pageDown) return [];
  if (key.ctrl && input.length === 1) {
    const code = input.toLowerCase().charCodeAt(0) - 96;
    return code >= 1 && code <= 26 ? [byteInput(code)] : [];
  }
  return input === '' ? [] : bytesInputs(input);
}

/** The Delete key: `ESC [3~`, with modifiers `ESC [3;5~`, rxvt's `ESC [3$` / `ESC [3^`. */
function isForwardDelete(raw: string): boolean {
  // eslint-disable-next-line no-control-regex -- an escape sequence starts with ESC
  return /^\x1b\[3(?:;\d+)?[~$^]$/.test(raw);
}
