export { KEY, byteInput, bytesInputs, escapeInput, type EditorInput } from './editor-input.js';
export { applyInput, applyInputs, startLine } from './line-editor.js';
export {
  MAX_LINE_LENGTH,
  type CompletionCycle,
  type EditorEffect,
  type EditorOutcome,
  type EditorState,
  type EditorStep,
  type LineEditorConfig,
  type StartLineOptions,
} from './editor-state.js';
export { CLEAR_SCREEN, FRESH_SCREEN, renderLine, type Hint, type LineView, type ScreenState } from './render-line.js';
export {
  TtyLineReader,
  isUnsupportedTerm,
  type KeyboardStream,
  type ReadLineRequest,
  type ReadLineResult,
  type ScreenStream,
  type TtyLineReaderOptions,
} from './tty-line-reader.js';
