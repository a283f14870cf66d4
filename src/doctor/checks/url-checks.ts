import { productName } from '../../redis/server-identity.js';
import { MINIMUM_REDIS_VERSION, isSupportedVersion } from '../../redis/server-version.js';
import type { CheckResult } from '../doctor-model.js';
import type { UrlFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

const MINIMUM = MINIMUM_REDIS_VERSION.replace(/\.0$/, '');

type ReachableUrl = Extract<UrlFact, { state: 'reachable' }>;

/** The Redis version the server behaves as: on Valkey the one it reports for compatibility. */
function compatibleVersion(fact: ReachableUrl): string {
  return fact.redisVersion ?? fact.version;
}

/** "Redis 7.2.5", "Valkey 8.0.1". */
export function urlProductName(fact: ReachableUrl): string {
  return productName({ kind: fact.kind ?? 'redis', version: fact.version });
}

/** With --url the tutor uses that server and nothing else, so it alone decides whether a Redis is obtainable. */
export function urlUsable(fact: UrlFact): boolean {
  return fact.state === 'reachable' && isSupportedVersion(compatibleVersion(fact)) && fact.mayReset;
}

/** The connection line, and for a reachable server a second line about what its database holds. */
export function checkUrl(fact: UrlFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult[] {
  const t = texts.url;
  const name = texts.names.url;
  switch (fact.state) {
    case 'not-given':
      return [{ name, status: 'ok', detail: t.notGiven }];
    case 'unreachable':
      return [{ name, status: 'fail', detail: fact.message, nextStep: fact.nextStep ?? t.checkIt }];
    case 'reachable': {
      const product = urlProductName(fact);
      const connection: CheckResult = isSupportedVersion(compatibleVersion(fact))
        ? { name, status: 'ok', detail: t.at(product, fact.where) }
        : { name, status: 'fail', detail: t.tooOld(product, fact.where, MINIMUM), nextStep: t.pointAtNewer(MINIMUM) };
      return [connection, checkDatabase(fact, texts)];
    }
  }
}

function checkDatabase(fact: ReachableUrl, texts: DoctorTexts): CheckResult {
  const t = texts.url;
  const name = texts.names.urlData;
  if (fact.keys === 0) return { name, status: 'ok', detail: t.empty(fact.db) };
  const keys = t.keys(fact.keys);
  if (fact.mayReset) return { name, status: 'ok', detail: t.mayReset(fact.db, keys) };
  // The same refusal the tutor itself gives (src/redis/ownership.ts); doctor only reports it and changes nothing.
  const otherDb = fact.db === 15 ? 14 : Math.min(fact.db + 1, 15);
  const base = fact.where.replace(/\/\d+$/, '');
  return { name, status: 'fail', detail: t.foreign(fact.db, keys), nextStep: t.giveEmpty(base, otherDb) };
}
