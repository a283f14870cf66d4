import { equalsIgnoringAsciiCase } from '../redis-cli/command-docs.js';
import { commandWord } from '../redis-cli/command-word.js';

/** Commands that wait for data or for replicas until their timeout (0: for ever). */
const BLOCKING_COMMANDS: ReadonlySet<string> = new Set(['blpop', 'brpop', 'brpoplpush', 'blmove', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop', 'wait', 'waitaof']);

/**
 * Whether a command may keep the learner waiting for its reply: the TUI
 * then says how to stop waiting. XREAD and XREADGROUP block only with a
 * BLOCK option, which comes before STREAMS (after it, `block` is a key).
 */
export function isBlockingCommand(args: readonly Buffer[]): boolean {
  const name = commandWord(args);
  if (BLOCKING_COMMANDS.has(name)) return true;
  if (name !== 'xread' && name !== 'xreadgroup') return false;
  for (const arg of args.slice(1)) {
    const word = arg.toString('latin1');
    if (equalsIgnoringAsciiCase(word, 'streams')) return false;
    if (equalsIgnoringAsciiCase(word, 'block')) return true;
  }
  return false;
}
