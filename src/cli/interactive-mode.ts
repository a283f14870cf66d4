/**
 * redis-cli's REPL on a terminal: the line editor with the prompt, history
 * (loaded from and saved to REDISCLI_HISTFILE / ~/.rediscli_history), the rc
 * file's preferences, hints and TAB completion from the server's COMMAND
 * DOCS. Ctrl-C or Ctrl-D on the prompt ends the session with status 0.
 */
import type { Io } from '../io.js';
import { redisCliCompletions } from '../redis-cli/completion.js';
import { redisCliHints } from '../redis-cli/hints.js';
import type { HistoryFile } from '../redis-cli/history.js';
import { TtyLineReader } from '../redis-cli/line-editor/index.js';
import type { Preferences } from '../redis-cli/rc-file.js';
import type { HelpTable } from './help-table.js';
import type { LineExecutor } from './line-executor.js';

export interface InteractiveContext {
  executor: LineExecutor;
  history: HistoryFile;
  helpTable: HelpTable;
  preferences: () => Preferences;
}

export async function runInteractive(io: Io, context: InteractiveContext): Promise<void> {
  const { executor, history, helpTable } = context;
  const reader = new TtyLineReader({ input: io.stdin, output: io.stdout, beepOutput: io.stderr });
  const hints = redisCliHints(
    () => helpTable.get(),
    () => context.preferences().hints,
  );
  const completions = redisCliCompletions(() => helpTable.get());
  for (;;) {
    await executor.sink.flush();
    const result = await reader.readLine({ prompt: executor.link.prompt(), history: history.history, hints, completions });
    if (result.type !== 'line') return;
    await executor.runLine(result.line);
  }
}
