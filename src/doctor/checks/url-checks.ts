import { MINIMUM_REDIS_VERSION, isSupportedVersion } from '../../redis/server-version.js';
import type { CheckResult } from '../doctor-model.js';
import type { UrlFact } from '../doctor-facts.js';

const MINIMUM = MINIMUM_REDIS_VERSION.replace(/\.0$/, '');

/** With --url the tutor uses that server and nothing else, so it alone decides whether a Redis is obtainable. */
export function urlUsable(fact: UrlFact): boolean {
  return fact.state === 'reachable' && isSupportedVersion(fact.version) && fact.mayReset;
}

/** The connection line, and for a reachable server a second line about what its database holds. */
export function checkUrl(fact: UrlFact): CheckResult[] {
  const name = 'Redis URL';
  switch (fact.state) {
    case 'not-given':
      return [{ name, status: 'ok', detail: 'none given (--url / REDIS_URL): redis-tutor starts its own Redis' }];
    case 'unreachable':
      return [{ name, status: 'fail', detail: fact.message, nextStep: fact.nextStep ?? 'Check that the server runs and that --url is right.' }];
    case 'reachable': {
      const connection: CheckResult = isSupportedVersion(fact.version)
        ? { name, status: 'ok', detail: `Redis ${fact.version} at ${fact.where}` }
        : {
            name,
            status: 'fail',
            detail: `Redis ${fact.version} at ${fact.where} is older than Redis ${MINIMUM}`,
            nextStep: `Point --url at a Redis ${MINIMUM} or newer (docker compose up -d starts one on localhost:6379).`,
          };
      return [connection, checkDatabase(fact)];
    }
  }
}

function checkDatabase(fact: Extract<UrlFact, { state: 'reachable' }>): CheckResult {
  const name = 'its data';
  const db = `database ${fact.db}`;
  if (fact.keys === 0) return { name, status: 'ok', detail: `${db} is empty: redis-tutor may use it` };
  const keys = `${fact.keys} ${fact.keys === 1 ? 'key' : 'keys'}`;
  if (fact.mayReset) return { name, status: 'ok', detail: `${db} holds ${keys} made through redis-tutor: it may reset them` };
  // The same refusal the tutor itself gives (src/redis/ownership.ts); doctor only reports it and changes nothing.
  const otherDb = fact.db === 15 ? 14 : Math.min(fact.db + 1, 15);
  const base = fact.where.replace(/\/\d+$/, '');
  return {
    name,
    status: 'fail',
    detail: `${db} holds ${keys} that redis-tutor did not create: it will refuse to reset (FLUSHDB) it`,
    nextStep: `Give the tutor an empty database (e.g. --url redis://${base}/${otherDb}), or pass --force to start/grade/validate if those keys may be deleted.`,
  };
}
