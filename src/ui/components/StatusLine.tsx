import { Box, Text } from 'ink';
import { describeRedis } from '../../tutor/redis-where.js';
import { texts } from '../../tutor/texts.js';
import { useAppState, useTerminalSize, useTui } from '../tui-context.js';

/** The bottom line: the Redis in use, the language, and any notice (a warning wins the room). */
export function StatusLine() {
  const { chalk } = useTui();
  const state = useAppState();
  const { columns } = useTerminalSize();
  const t = texts(state.language);
  const notice = state.notice
    ? state.notice.tone === 'error'
      ? chalk.red(state.notice.text)
      : state.notice.tone === 'warning'
        ? chalk.yellow(state.notice.text)
        : chalk.green(state.notice.text)
    : '';
  const parts = [chalk.dim(describeRedis(state.redis, state.language)), chalk.dim(state.language.toUpperCase())];
  if (state.progressSaveError !== undefined) parts.push(chalk.yellow(t.notSavedFailing));
  else if (!state.progressSaved) parts.push(chalk.dim(t.notSaved));
  const line = notice ? `${notice}  ${parts.join(chalk.dim(' · '))}` : parts.join(chalk.dim(' · '));
  return (
    <Box width={columns} height={1} overflow="hidden">
      <Text wrap="truncate-end">{line.length > 0 ? line : ' '}</Text>
    </Box>
  );
}
