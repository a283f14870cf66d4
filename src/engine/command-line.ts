import { splitArgs } from '../redis-cli/split-args.js';

/** A command as the checker sends it: the arguments exactly as redis-cli would (quotes and escapes resolved). */
export type CommandArgs = Buffer[];

/**
 * Splits one redis-cli line the way redis-cli does. Throws on unbalanced
 * quotes: the loader's lint reports such lines, so reaching here is a course bug.
 */
export function parseCommandLine(line: string): CommandArgs {
  const args = splitArgs(line);
  if (args === null) throw new Error(`invalid redis-cli line (unbalanced quotes): ${line}`);
  if (args.length === 0) throw new Error('empty command line');
  return args;
}

export function argsToStrings(args: readonly Buffer[]): string[] {
  return args.map((arg) => arg.toString('utf8'));
}
