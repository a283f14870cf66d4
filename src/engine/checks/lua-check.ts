import type { LuaCheck } from '../../course/schema.js';
import { formatValue } from '../format-value.js';
import { isErrorValue } from '../value.js';
import type { CompiledCheck } from './compiled-check.js';

const EXPECTED = 'the script returns 1';

/** `lua`: EVAL on the checker; 1 or true passes, a returned string is the failure message the learner reads. */
export function compileLuaCheck(check: LuaCheck): CompiledCheck {
  const command = ['EVAL', check.script, String(check.keys.length), ...check.keys, ...check.args];
  return {
    check,
    commands: () => [command],
    judge([reply = null]) {
      if (reply === 1 || reply === true || reply === '1') return { passed: true };
      if (isErrorValue(reply)) return { passed: false, error: `the check's script failed: ${reply.message}` };
      if (typeof reply === 'string') return { passed: false, expected: EXPECTED, found: reply };
      return { passed: false, expected: EXPECTED, found: `it returned ${formatValue(reply)}` };
    },
  };
}
