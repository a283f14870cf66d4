import type { CheckResult } from '../doctor-model.js';
import type { RedisCliFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** The tutor has its own redis-cli; the real one is the oracle of the test suite, so its absence is only a warning. */
export function checkRedisCli(fact: RedisCliFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const t = texts.cli;
  if (fact.state === 'missing') return { name: 'redis-cli', status: 'warn', detail: t.notOnPath, nextStep: t.install };
  return { name: 'redis-cli', status: 'ok', detail: t.found(fact.version, fact.path) };
}
