import { cString } from './split-args.js';

/**
 * The command's name as redis-cli compares it (strcasecmp up to the first
 * NUL): lower case, '' for no arguments. Every "which command is this"
 * question about typed arguments goes through here.
 */
export function commandWord(args: readonly Buffer[]): string {
  const first = args[0];
  return first === undefined ? '' : cString(first).toString('latin1').toLowerCase();
}
