import type { NotUsedCheck, UsedCheck } from '../../course/schema.js';
import type { CompiledCheck } from './compiled-check.js';

/** True when the recorded arguments are this command: `INCR`, or `CONFIG SET` (name and subcommand). */
export function isCommand(args: readonly string[], name: string): boolean {
  const words = name.split(' ');
  return words.every((word, i) => (args[i] ?? '').toUpperCase() === word);
}

/** `used`: the learner used at least one of the commands. Pure: reads the recorded commands only. */
export function compileUsedCheck(check: UsedCheck): CompiledCheck {
  return {
    check,
    commands: () => [],
    judge(_replies, { commands }) {
      if (commands.some((args) => check.commands.some((name) => isCommand(args, name)))) return { passed: true };
      const names = check.commands.join(' or ');
      return { passed: false, expected: `you use ${names}`, found: commands.length === 0 ? 'no commands yet' : `${names} not used` };
    },
  };
}

/** `notUsed`: none of the commands was used; the first offending command is shown. */
export function compileNotUsedCheck(check: NotUsedCheck): CompiledCheck {
  return {
    check,
    commands: () => [],
    judge(_replies, { commands }) {
      const offending = commands.find((args) => check.commands.some((name) => isCommand(args, name)));
      if (!offending) return { passed: true };
      return { passed: false, expected: `no ${check.commands.join(', ')}`, found: `you ran ${offending.join(' ')}` };
    },
  };
}
