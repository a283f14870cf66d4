/**
 * The command names redis-cli 7.0 treats specially when it sends them
 * (cliSendCommand), and the ones a pipelining runner must not send ahead of
 * earlier replies.
 */
import { commandWord } from '../redis-cli/command-word.js';

/** Enter subscribe mode: `Reading messages...`, then every reply until an error or Ctrl-C. */
export function isSubscribe(name: string): boolean {
  return name === 'subscribe' || name === 'psubscribe' || name === 'ssubscribe';
}

/**
 * Commands whose reply decides what happens next in a way a pipeline cannot
 * undo, so everything before them is printed and nothing after them is sent
 * until their reply is in:
 * - subscribe/monitor/sync: redis-cli stops reading input;
 * - quit/shutdown/client (KILL, REPLY OFF|SKIP)/debug (RESTART, SLEEP...):
 *   the connection may close, or replies stop matching commands;
 * - auth: redis-cli may SELECT again right after it;
 * - script (SCRIPT DEBUG), hello, reset: change how the session continues.
 */
const SEQUENTIAL_COMMANDS: ReadonlySet<string> = new Set([
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'monitor',
  'sync',
  'psync',
  'quit',
  'shutdown',
  'client',
  'debug',
  'auth',
  'script',
  'hello',
  'reset',
  'failover',
  'replicaof',
  'slaveof',
]);

export function mustRunAlone(args: readonly Buffer[]): boolean {
  return SEQUENTIAL_COMMANDS.has(commandWord(args));
}
