import type { LuaCheck } from '../../course/schema.js';
import { formatValue } from '../format-value.js';
import { verbatim } from '../../results/check-result.js';
import { LUA } from '../texts.js';
import { isErrorValue } from '../value.js';
import type { CompiledCheck } from './compiled-check.js';

/** `lua`: EVAL on the checker; 1 or true passes, a returned string is the failure message the learner reads. */
export function compileLuaCheck(check: LuaCheck): CompiledCheck {
  const command = ['EVAL', check.script, String(check.keys.length), ...check.keys, ...check.args];
  return {
    check,
    commands: () => [command],
    judge([reply = null]) {
      if (reply === 1 || reply === true || reply === '1') return { passed: true };
      if (isErrorValue(reply)) return { passed: false, error: LUA.scriptFailed(reply.message) };
      // A returned string is the author's own message: shown as written, in either language.
      if (typeof reply === 'string') return { passed: false, expected: LUA.returnsOne, found: verbatim(reply) };
      return { passed: false, expected: LUA.returnsOne, found: LUA.returned(formatValue(reply)) };
    },
  };
}
