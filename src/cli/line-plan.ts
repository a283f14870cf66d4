/**
 * What redis-cli 7.0's REPL does with one typed line, decided without any
 * I/O (repl() in redis-cli.c, spec 4.3): split, repeat prefix, history, then
 * the local commands checked on the *first* argument, then a server command.
 */
import { isHelpCommand } from '../redis-cli/help.js';
import { INVALID_REPEAT_MESSAGE, parseRepeatPrefix, strtol } from '../redis-cli/repeat.js';
import { cString, splitArgs } from '../redis-cli/split-args.js';

export type LinePlan =
  /** Empty, all whitespace, or starting with NUL: nothing happens, no history. */
  | { kind: 'skip' }
  /** `Invalid argument(s)`; still added to history. */
  | { kind: 'invalid-arguments' }
  /** `Invalid redis-cli repeat command option value.`; not added to history. */
  | { kind: 'invalid-repeat' }
  | { kind: 'quit'; afterPrefix: Buffer[] }
  /** `:set hints`, `:foo`: handled by the preference code. */
  | { kind: 'preference'; args: Buffer[]; afterPrefix: Buffer[] }
  | { kind: 'restart'; afterPrefix: Buffer[] }
  | { kind: 'connect'; host: string; port: number; afterPrefix: Buffer[] }
  | { kind: 'clear'; afterPrefix: Buffer[] }
  /** `help ...` / `? ...`: local, runs once whatever the repeat count, but is timed like a command. */
  | { kind: 'help'; words: Buffer[]; afterPrefix: Buffer[] }
  | { kind: 'command'; args: Buffer[]; repeat: number; afterPrefix: Buffer[] };

export const INVALID_ARGUMENTS_MESSAGE = 'Invalid argument(s)';
export { INVALID_REPEAT_MESSAGE };

export function planLine(line: Buffer): LinePlan {
  // linenoise hands over a C string: `line[0] != '\0'` is the emptiness test.
  if (cString(line).length === 0) return { kind: 'skip' };
  const all = splitArgs(line);
  if (all === null) return { kind: 'invalid-arguments' };
  if (all.length === 0) return { kind: 'skip' };
  const repeat = parseRepeatPrefix(all);
  if (repeat.kind === 'invalid') return { kind: 'invalid-repeat' };
  const args = repeat.args;
  const count = repeat.kind === 'repeat' ? repeat.count : 1;
  // The history check (isSensitiveCommand) looks at the arguments after the prefix;
  // it is left to the caller, since only a terminal session keeps history.
  const afterPrefix = args;

  // The local commands look at argv[0], the prefix included: `2 quit` is sent to the server.
  const first = all[0] as Buffer;
  const name = cString(first).toString('latin1').toLowerCase();
  if (name === 'quit' || name === 'exit') return { kind: 'quit', afterPrefix };
  if (first[0] === 0x3a /* : */) return { kind: 'preference', args: all, afterPrefix };
  if (name === 'restart') return { kind: 'restart', afterPrefix };
  if (all.length === 3 && name === 'connect') {
    return {
      kind: 'connect',
      host: cString(all[1] as Buffer).toString('utf8'),
      port: atoi(all[2] as Buffer),
      afterPrefix,
    };
  }
  if (all.length === 1 && name === 'clear') return { kind: 'clear', afterPrefix };
  // issueCommandRepeat() checks for help after the prefix is removed.
  if (isHelpCommand(args[0] as Buffer)) return { kind: 'help', words: args.slice(1), afterPrefix };
  return { kind: 'command', args, repeat: count, afterPrefix };
}

/** glibc atoi(): strtol base 10, cast to int. */
function atoi(bytes: Buffer): number {
  return Number(BigInt.asIntN(32, strtol(cString(bytes)).value));
}
