import { Text, useInput } from 'ink';
import { texts } from '../../tutor/texts.js';
import { useAppState, useTui } from '../tui-context.js';

/** A yes/no question in place of the prompt: y or Enter-after-y confirms, anything else declines. */
export function ConfirmLine() {
  const { chalk, controller, store } = useTui();
  const state = useAppState();
  const t = texts(state.language);
  useInput(
    (input) => {
      if (!state.confirm) return;
      const yes = input === 'y' || input === 'Y' || input === 'д' || input === 'Д';
      if (controller) void controller.answer(yes);
      else store.dispatch({ type: 'confirm', question: undefined });
    },
    { isActive: state.confirm !== undefined },
  );
  const question = {
    solution: t.confirmSolution,
    'restart-server': t.confirmRestartServer,
    'reset-progress': t.confirmResetProgress,
    // "saved" only when the last save succeeded.
    quit: state.progressSaved ? t.confirmQuit : state.progressSaveError !== undefined ? t.confirmQuitSaveFailing : t.confirmQuitUnsaved,
  }[state.confirm ?? 'quit'];
  return <Text wrap="truncate-end">{chalk.bold.yellow(question)}</Text>;
}
