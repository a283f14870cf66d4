import type { Reply } from '../resp/types.js';
import { commandWord } from './command-word.js';

/**
 * The server ran a RESET (its +RESET; RESET is never queued in MULTI). The
 * connection is now the `default` user again and, when that user has a
 * password, no longer logged in: who gave it the password must send it again.
 */
export function isAnsweredReset(args: readonly Buffer[], reply: Reply): boolean {
  return commandWord(args) === 'reset' && reply.type === 'status' && reply.value.toString('latin1') === 'RESET';
}
