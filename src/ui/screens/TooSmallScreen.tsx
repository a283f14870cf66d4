import { Box, useInput } from 'ink';
import { texts } from '../../tutor/texts.js';
import { ConfirmLine } from '../components/ConfirmLine.js';
import { Lines } from '../components/Lines.js';
import { wordWrap } from '../layout.js';
import { MIN_COLUMNS, MIN_ROWS } from '../min-size.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';

/**
 * In place of a screen the terminal cannot hold: what size it is, what it
 * needs, and how to get out. The screen comes back as soon as the window is
 * large enough (the state was kept meanwhile).
 */
export function TooSmallScreen() {
  const { chalk, store } = useTui();
  const state = useAppState();
  const { columns, rows } = useTerminalSize();
  const t = texts(state.language);
  // A question already open is answered by ConfirmLine; otherwise Ctrl-C (or q) asks before quitting, as elsewhere.
  useInput(
    (input, key) => {
      if ((key.ctrl && input === 'c') || input === 'q') store.dispatch({ type: 'confirm', question: 'quit' });
    },
    { isActive: state.confirm === undefined },
  );
  const frameRows = Math.max(1, rows - 1);
  const notice = wordWrap(t.terminalTooSmall(columns, rows, MIN_COLUMNS, MIN_ROWS), columns).map((line) => chalk.bold.yellow(line));
  const keys = wordWrap(t.terminalTooSmallKeys, columns).map((line) => chalk.dim(line));
  const lines = [...notice, ...keys];
  return (
    <Box flexDirection="column" height={frameRows} width={columns}>
      <Lines lines={lines} height={Math.max(1, frameRows - (state.confirm ? 1 : 0))} width={columns} />
      {state.confirm ? <ConfirmLine /> : null}
    </Box>
  );
}
