import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { isTutorError, errorMessage } from '../../errors.js';
import { connect } from '../../redis/connect.js';
import { formatAddress, parseRedisUrl } from '../../redis/connection-url.js';
import { claimIfEmpty, defaultOwnershipFile } from '../../redis/ownership.js';
import { readServerProduct } from '../../redis/server-identity.js';
import { readServerIdentity } from '../../redis/server-info.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec } from '../../redis/target.js';
import { UrlRedisTarget } from '../../redis/url-target.js';
import { preflightUrl } from '../../redis/url-preflight.js';
import type { UrlFact } from '../doctor-facts.js';

export interface UrlProbeOptions {
  /** The tutor's record of claimed databases; default: the one start/grade/validate use. */
  ownershipFile?: string;
  connectTimeoutMs?: number;
}

/**
 * Connects to --url / REDIS_URL, reads the version and the key count, and asks
 * the ownership rule whether the tutor may reset that database. Changes
 * nothing: no key is written and no claim is recorded.
 */
export async function probeUrl(url: string | undefined, options: UrlProbeOptions = {}): Promise<UrlFact> {
  if (url === undefined || url === '') return { state: 'not-given' };
  let spec: ConnectionSpec;
  try {
    spec = parseRedisUrl(url);
  } catch (error) {
    return unreachable('--url', error);
  }
  const shown = `${spec.tls ? 'rediss' : 'redis'}://${formatAddress(spec)}/${spec.db}`;
  try {
    await preflightUrl(spec, { timeoutMs: options.connectTimeoutMs ?? 3_000 });
    const redis = await connect(spec, { name: CHECKER_CLIENT_NAME, reconnect: false, connectTimeoutMs: options.connectTimeoutMs ?? 3_000 });
    try {
      // First the identity: a user without INFO gets the tutor's own words for it.
      const { version: redisVersion } = await readServerIdentity(redis);
      // Valkey reports redis_version 7.2.4 for compatibility, and its own version in valkey_version.
      const product = await readServerProduct(redis);
      const keys = await redis.dbsize();
      const mayReset = await mayResetWithoutClaiming(new UrlRedisTarget(spec, redisVersion), redis, options.ownershipFile ?? defaultOwnershipFile());
      return {
        state: 'reachable',
        url: shown,
        where: `${formatAddress(spec)}/${spec.db}`,
        db: spec.db,
        version: product.version || redisVersion,
        ...(product.kind === 'valkey' ? { kind: 'valkey' as const, redisVersion } : {}),
        keys,
        mayReset,
      };
    } finally {
      redis.disconnect();
    }
  } catch (error) {
    return unreachable(shown, error);
  }
}

/**
 * claimIfEmpty() is the tutor's one statement of the rule, but it records a
 * claim when the database is empty. Doctor must not change anything, so it
 * lets the rule write to a throwaway copy of the record.
 */
async function mayResetWithoutClaiming(target: UrlRedisTarget, redis: Redis, recordFile: string): Promise<boolean> {
  const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-doctor-'));
  try {
    const copy = join(scratch, 'claimed-databases.json');
    try {
      copyFileSync(recordFile, copy);
    } catch {
      // No record yet (or unreadable): the rule then sees no claims, as the tutor would.
    }
    return await claimIfEmpty(target, { connection: redis, recordFile: copy });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function unreachable(url: string, error: unknown): UrlFact {
  if (isTutorError(error)) return { state: 'unreachable', url, message: error.message, nextStep: error.nextStep };
  return { state: 'unreachable', url, message: errorMessage(error), nextStep: undefined };
}
