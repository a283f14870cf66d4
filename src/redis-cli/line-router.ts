/**
 * What one typed line means, decided without any I/O, for every front end
 * that reads typed lines (`redis-tutor cli` and the TUI's prompt): redis-cli
 * 7.0's REPL rules (repl() in redis-cli.c): split, repeat prefix, history,
 * then the local commands checked on the *first* argument, then a server
 * command. Front ends decide what a route does on their screen; what a line
 * is, is decided only here.
 */
import { isHelpCommand } from './help.js';
import { INVALID_REPEAT_MESSAGE, parseRepeatPrefix, strtol } from './repeat.js';
import { isSensitiveCommand } from './sensitive.js';
import { cString, splitArgs } from './split-args.js';

export type LineRoute =
  /** Empty, all whitespace, or starting with NUL: nothing happens, no history. */
  | { kind: 'skip' }
  /** `Invalid argument(s)`; still added to history. */
  | { kind: 'invalid-arguments' }
  /** `Invalid redis-cli repeat command option value.`; not added to history. */
  | { kind: 'invalid-repeat' }
  | { kind: 'quit'; afterPrefix: Buffer[] }
  /** A line starting with `:` (`:set hints`; in the TUI also `:hint`...): never sent to the server. */
  | { kind: 'preference'; args: Buffer[]; afterPrefix: Buffer[] }
  | { kind: 'restart'; afterPrefix: Buffer[] }
  | { kind: 'connect'; host: string; port: number; afterPrefix: Buffer[] }
  | { kind: 'clear'; afterPrefix: Buffer[] }
  /** `help ...` / `? ...`: local, runs once whatever the repeat count, but is timed like a command. */
  | { kind: 'help'; words: Buffer[]; afterPrefix: Buffer[] }
  /** `repeated`: the line began with a repeat count (even `1 PING`). */
  | { kind: 'command'; args: Buffer[]; repeat: number; repeated: boolean; afterPrefix: Buffer[] };

export type LineRouteKind = LineRoute['kind'];

export const INVALID_ARGUMENTS_MESSAGE = 'Invalid argument(s)';
export { INVALID_REPEAT_MESSAGE };
export const RESTART_MESSAGE = "Use 'restart' only in Lua debugging mode.";

export function routeLine(line: Buffer): LineRoute {
  // linenoise hands over a C string: `line[0] != '\0'` is the emptiness test.
  if (cString(line).length === 0) return { kind: 'skip' };
  const all = splitArgs(line);
  if (all === null) return { kind: 'invalid-arguments' };
  if (all.length === 0) return { kind: 'skip' };
  const repeat = parseRepeatPrefix(all);
  if (repeat.kind === 'invalid') return { kind: 'invalid-repeat' };
  const afterPrefix = repeat.args;
  const count = repeat.kind === 'repeat' ? repeat.count : 1;

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
  if (isHelpCommand(afterPrefix[0] as Buffer)) return { kind: 'help', words: afterPrefix.slice(1), afterPrefix };
  return { kind: 'command', args: afterPrefix, repeat: count, repeated: repeat.kind === 'repeat', afterPrefix };
}

/**
 * Whether redis-cli keeps the line in its history: everything it routes,
 * an unparsable line included (so it can be recalled and fixed), except
 * empty lines, a bad repeat count, and lines that carry a secret (AUTH,
 * HELLO … AUTH, ACL SETUSER, judged after the repeat prefix).
 */
export function keepsInHistory(route: LineRoute): boolean {
  if (route.kind === 'skip' || route.kind === 'invalid-repeat') return false;
  if (route.kind === 'invalid-arguments') return true;
  return !isSensitiveCommand(route.afterPrefix);
}

/** glibc atoi(): strtol base 10, cast to int. */
function atoi(bytes: Buffer): number {
  return Number(BigInt.asIntN(32, strtol(cString(bytes)).value));
}
