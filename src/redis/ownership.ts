import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import envPaths from 'env-paths';
import type { Redis } from 'ioredis';
import { UserError } from '../errors.js';
import { connect } from './connect.js';
import { formatAddress } from './connection-url.js';
import { readServerIdentity } from './server-info.js';
import { CHECKER_CLIENT_NAME, type RedisTarget } from './target.js';

/*
 * The ownership rule: when may the tutor FLUSHDB a database?
 *
 * - On a server the tutor started (private, docker): always; nothing else lives there.
 * - On a --url server: only on a database the tutor has CLAIMED. The tutor
 *   claims database N when it finds it empty (at acquireRedis() and before a
 *   reset), and records the claim as (server run_id, N) in a small file on this
 *   machine. Keys that appear later were made through the tutor (or at least
 *   in a database it was given empty), so later resets - in this session or a
 *   later one - go ahead.
 * - A claim lasts as long as that server process: run_id changes on restart,
 *   and after a restart a non-empty database may hold restored data that was
 *   never ours, so the tutor asks again.
 * - --force resets anyway and claims the (then empty) database.
 *
 * Why a file and not a marker key inside the database: learners run KEYS *,
 * DBSIZE, SCAN and RANDOMKEY, and a key they did not make would change the answers.
 */

export interface OwnershipOptions {
  /** Where claims are kept; default: claimed-databases.json in the tutor's data directory. */
  recordFile?: string;
  /** An open connection to the target's database (the checker); otherwise one is opened and closed here. */
  connection?: Redis;
}

interface Claim {
  runId: string;
  db: number;
  address: string;
  claimedAt: string;
}

const MAX_CLAIMS = 200;

export function defaultOwnershipFile(): string {
  return join(envPaths('redis-tutor', { suffix: '' }).data, 'claimed-databases.json');
}

/**
 * Throws a UserError instead of letting the tutor wipe keys it did not create.
 * Call it before every FLUSHDB on target's database; after it returns, the
 * database is (and stays) claimed.
 */
export async function assertSafeToReset(target: RedisTarget, options: OwnershipOptions & { force?: boolean } = {}): Promise<void> {
  if (target.owned) return;
  await withConnection(target, options.connection, async (redis) => {
    const recordFile = options.recordFile ?? defaultOwnershipFile();
    const { runId } = await readServerIdentity(redis);
    const keys = await redis.dbsize();
    if (keys === 0 || options.force || isClaimed(recordFile, runId, target.spec.db)) {
      recordClaim(recordFile, { runId, db: target.spec.db, address: formatAddress(target.spec), claimedAt: new Date().toISOString() });
      return;
    }
    const address = formatAddress(target.spec);
    throw new UserError(
      `database ${target.spec.db} on ${address} holds ${keys} ${keys === 1 ? 'key' : 'keys'} that redis-tutor did not create, ` +
        `so it stopped before resetting it: a reset (FLUSHDB) would delete ${keys === 1 ? 'it' : 'them'}.`,
      `Give the tutor an empty database by ending the URL with another number (e.g. --url redis://${address}/${suggestOtherDb(target.spec.db)}), ` +
        'or pass --force if those keys may be deleted.',
    );
  });
}

/** Claims the target's database if it is empty now; true when the tutor may reset it later. */
export async function claimIfEmpty(target: RedisTarget, options: OwnershipOptions = {}): Promise<boolean> {
  if (target.owned) return true;
  return withConnection(target, options.connection, async (redis) => {
    const recordFile = options.recordFile ?? defaultOwnershipFile();
    const { runId } = await readServerIdentity(redis);
    if (isClaimed(recordFile, runId, target.spec.db)) return true;
    if ((await redis.dbsize()) !== 0) return false;
    recordClaim(recordFile, { runId, db: target.spec.db, address: formatAddress(target.spec), claimedAt: new Date().toISOString() });
    return true;
  });
}

async function withConnection<T>(target: RedisTarget, given: Redis | undefined, use: (redis: Redis) => Promise<T>): Promise<T> {
  if (given) return use(given);
  const redis = await connect(target.spec, { name: CHECKER_CLIENT_NAME, reconnect: false });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

function suggestOtherDb(db: number): number {
  return db === 15 ? 14 : Math.min(db + 1, 15);
}

function readClaims(recordFile: string): Claim[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(recordFile, 'utf8'));
    const claims = (parsed as { claims?: unknown }).claims;
    return Array.isArray(claims) ? claims.filter(isClaim) : [];
  } catch {
    // Missing or damaged: no claims, which only makes the tutor more careful.
    return [];
  }
}

function isClaim(value: unknown): value is Claim {
  const claim = value as Partial<Claim> | null;
  return typeof claim?.runId === 'string' && typeof claim.db === 'number';
}

function isClaimed(recordFile: string, runId: string, db: number): boolean {
  return runId !== '' && readClaims(recordFile).some((claim) => claim.runId === runId && claim.db === db);
}

function recordClaim(recordFile: string, claim: Claim): void {
  if (claim.runId === '') return;
  const others = readClaims(recordFile).filter((c) => !(c.runId === claim.runId && c.db === claim.db));
  const claims = [...others, claim].slice(-MAX_CLAIMS);
  mkdirSync(dirname(recordFile), { recursive: true });
  // Write-then-rename: two tutors on one machine never see half a file.
  const temporary = `${recordFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ claims }, null, 2) + '\n');
  renameSync(temporary, recordFile);
}
