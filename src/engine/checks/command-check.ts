import type { CommandCheck } from '../../course/schema.js';
import { parseCommandLine } from '../command-line.js';
import { checkExpectation } from '../expectations.js';
import type { CompiledCheck } from './compiled-check.js';
import { runAsUser } from './as-user.js';

/** `command` + `expect`: the reply of one command on the checker (or, with `as`, on a fresh authenticated connection). */
export function compileCommandCheck(check: CommandCheck): CompiledCheck {
  const args = parseCommandLine(check.command);
  const as = check.as;
  if (as) {
    return {
      check,
      commands: () => [],
      judge: async (_replies, context) => {
        const outcome = await runAsUser(context.spec, as, args, context.checker.options);
        return outcome.kind === 'auth-failed' ? outcome.verdict : checkExpectation(check.expect, outcome.reply);
      },
    };
  }
  return {
    check,
    commands: () => [args],
    judge: ([reply]) => checkExpectation(check.expect, reply ?? null),
  };
}
