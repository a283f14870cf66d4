import { productName } from '../../redis/server-identity.js';
import { MINIMUM_REDIS_VERSION, isSupportedVersion } from '../../redis/server-version.js';
import type { CheckResult, CheckStatus } from '../doctor-model.js';
import type { RedisServerFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

const MINIMUM = MINIMUM_REDIS_VERSION.replace(/\.0$/, '');

/** redis-server is usable when the tutor could start a private server with it right now. */
export function redisServerUsable(fact: RedisServerFact): boolean {
  return fact.state === 'found' && isSupportedVersion(fact.version);
}

/**
 * @param coveredBy another way the tutor gets a Redis ("--url", "Docker"), if
 *   any: then a missing redis-server costs little and is only a warning.
 */
export function checkRedisServer(fact: RedisServerFact, coveredBy: string | undefined, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const t = texts.server;
  const name = 'redis-server';
  const problem = (detail: string, nextStep: string): CheckResult => {
    // Covered is still not ok: with --url, exercises that need a server the tutor starts itself are skipped.
    const status: CheckStatus = coveredBy ? 'warn' : 'fail';
    return { name, status, detail: coveredBy ? t.usedInstead(detail, coveredBy) : detail, nextStep };
  };
  switch (fact.state) {
    case 'found': {
      // Valkey's binaries say "Valkey server v=8.0.1": named as what they are, with their own version.
      const product = productName({ kind: fact.kind ?? 'redis', version: fact.version });
      if (isSupportedVersion(fact.version)) return { name, status: 'ok', detail: t.found(product, fact.path) };
      return problem(t.tooOld(product, fact.path, MINIMUM), t.installNewer(MINIMUM));
    }
    case 'unrunnable':
      return problem(t.didNotRun(fact.path, fact.reason), t.pointAtWorking(MINIMUM));
    case 'bad-choice':
      return problem(t.badChoice(fact.origin, fact.given), t.giveFullPath(fact.origin));
    case 'missing':
      return problem(t.notOnPath, t.installServer);
  }
}
