import { useInput, useStdin, useStdout } from 'ink';
import { useEffect } from 'react';
import { programTexts } from '../../tutor/program-texts.js';
import { editorOf, openInEditor } from '../open-in-editor.js';
import { useAppState, useTui } from '../tui-context.js';

/**
 * Ink writes a frame at most every 32 ms: the "editing in …" frame gets this
 * long to reach the terminal before the editor takes it, so that the frame
 * after the editor differs from the last one written and is drawn whole.
 */
const FRAME_BEFORE_EDITOR_MS = 50;

/** The keys of a program exercise: Ctrl-O opens the file in $VISUAL/$EDITOR, Ctrl-G switches the language. */
export function useProgramKeys(): void {
  const { store, programs, env } = useTui();
  const state = useAppState();
  const { stdin } = useStdin();
  const { stdout } = useStdout();
  const view = state.program;
  const editing = view?.editor;

  useInput(
    (input, key) => {
      if (!view || !key.ctrl) return;
      if (input === 'o') {
        const editor = editorOf(env ?? process.env);
        if (editor === undefined) store.dispatch({ type: 'notice', notice: { text: programTexts(state.language).noEditor, tone: 'warning' } });
        else store.dispatch({ type: 'program-editor', editor });
      } else if (input === 'g') void programs?.switchLanguage();
    },
    { isActive: state.screen === 'exercise' && view !== undefined && editing === undefined && !state.confirm },
  );

  useEffect(() => {
    if (editing === undefined || !view) return;
    const timer = setTimeout(() => {
      const outcome = openInEditor(view.file, env ?? process.env, { stdin, stdout });
      const t = programTexts(store.getState().language);
      store.dispatchAll([
        { type: 'program-editor', editor: undefined },
        {
          type: 'notice',
          notice:
            outcome.kind === 'failed'
              ? { text: t.editorFailed(outcome.editor, outcome.reason), tone: 'warning' }
              : outcome.kind === 'no-editor'
                ? { text: t.noEditor, tone: 'warning' }
                : { text: t.editorBack, tone: 'info' },
        },
      ]);
    }, FRAME_BEFORE_EDITOR_MS);
    return () => clearTimeout(timer);
    // Only a new editing session opens the editor; the view's other changes (a run's output) must not.
  }, [editing]);
}
