import type { CheckResult } from '../doctor-model.js';
import type { RedisCliFact } from '../doctor-facts.js';
import { INSTALL_REDIS_CLI } from './install-hints.js';

/** The tutor has its own redis-cli; the real one is the oracle of the test suite, so its absence is only a warning. */
export function checkRedisCli(fact: RedisCliFact): CheckResult {
  if (fact.state === 'missing') return { name: 'redis-cli', status: 'warn', detail: 'not found on PATH (optional)', nextStep: INSTALL_REDIS_CLI };
  return { name: 'redis-cli', status: 'ok', detail: `${fact.version ?? 'unknown version'} at ${fact.path}` };
}
