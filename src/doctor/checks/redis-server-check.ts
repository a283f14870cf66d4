import { MINIMUM_REDIS_VERSION, isSupportedVersion } from '../../redis/server-version.js';
import type { CheckResult, CheckStatus } from '../doctor-model.js';
import type { RedisServerFact } from '../doctor-facts.js';
import { INSTALL_REDIS_SERVER } from './install-hints.js';

const MINIMUM = MINIMUM_REDIS_VERSION.replace(/\.0$/, '');

/** redis-server is usable when the tutor could start a private server with it right now. */
export function redisServerUsable(fact: RedisServerFact): boolean {
  return fact.state === 'found' && isSupportedVersion(fact.version);
}

/**
 * @param coveredBy another way the tutor gets a Redis ("--url", "Docker"), if
 *   any: then a missing redis-server costs little and is only a warning.
 */
export function checkRedisServer(fact: RedisServerFact, coveredBy: string | undefined): CheckResult {
  const name = 'redis-server';
  const problem = (detail: string, nextStep: string): CheckResult => {
    // Covered is still not ok: with --url, exercises that need a server the tutor starts itself are skipped.
    const status: CheckStatus = coveredBy ? 'warn' : 'fail';
    return { name, status, detail: coveredBy ? `${detail} (${coveredBy} is used instead)` : detail, nextStep };
  };
  switch (fact.state) {
    case 'found':
      if (isSupportedVersion(fact.version)) return { name, status: 'ok', detail: `${fact.version} at ${fact.path}` };
      return problem(`${fact.version} at ${fact.path} is older than Redis ${MINIMUM}`, `Install Redis ${MINIMUM} or newer. ${INSTALL_REDIS_SERVER}`);
    case 'unrunnable':
      return problem(`${fact.path} did not run: ${fact.reason}`, `Point --redis-server at a working redis-server ${MINIMUM}+, or install one. ${INSTALL_REDIS_SERVER}`);
    case 'bad-choice':
      return problem(`${fact.origin} points at ${fact.given}, which is not an executable file`, `Give the full path of a redis-server binary, or leave ${fact.origin} out to use the one on PATH. ${INSTALL_REDIS_SERVER}`);
    case 'missing':
      return problem('not found on PATH', INSTALL_REDIS_SERVER);
  }
}
