import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import envPaths from 'env-paths';
import type { Redis } from 'ioredis';
import { UserError } from '../errors.js';
import { findClaim, writeClaim, type Claim, type LeftContents } from './claim-record.js';
import { connect } from './connect.js';
import { formatAddress } from './connection-url.js';
import { isProcessAlive, machineMarker } from './run-marker.js';
import { readServerIdentity } from './server-info.js';
import { CHECKER_CLIENT_NAME, type RedisTarget } from './target.js';

/*
 * The ownership rule: when may the tutor FLUSHDB a database?
 *
 * - On a server the tutor started (private, docker): always; nothing else lives there.
 * - On a --url server: only while a session of the tutor HOLDS the database.
 *   A session takes it when it finds it empty (or with --force), and holds it
 *   until it ends: keys that appear meanwhile are the learner's and the
 *   setup's. Whether it still holds it is looked up before every reset, not
 *   remembered: a restarted server (new run_id, maybe restored data) or
 *   another redis-tutor run that took the database ends the hold.
 * - When a session ends it notes what it left (how many keys, a digest of
 *   their names). A later session takes the database back only if it is
 *   empty or exactly as left: a key the user added, changed or deleted in
 *   between means the data is no longer (only) the tutor's, and it stops.
 *   A session that was killed noted nothing: the next one stops unless the
 *   database is empty.
 * - --force resets anyway and takes the (then empty) database.
 *
 * What is held and left is kept in a small file on this machine, keyed by
 * (server run_id, database). Why not a marker key inside the database:
 * learners run KEYS *, DBSIZE, SCAN and RANDOMKEY, and a key they did not
 * make would change the answers.
 */

export const OWNERSHIP_FILE_NAME = 'claimed-databases.json';

export interface OwnershipOptions {
  /** Where claims are kept; default: claimed-databases.json in the tutor's data directory. */
  recordFile?: string;
  /** An open connection to the target's database (the checker); otherwise one is opened and closed here. */
  connection?: Redis;
}

/** A database with more keys than this is never fingerprinted: it is not a tutor's sandbox. */
const MAX_FINGERPRINT_KEYS = 100_000;
const SCAN_BATCH = '1000';

export function defaultOwnershipFile(): string {
  return join(envPaths('redis-tutor', { suffix: '' }).data, OWNERSHIP_FILE_NAME);
}

/** One session per target object: what connectToUrl() made, used by the engines opened on it. */
const sessions = new WeakMap<RedisTarget, string>();
function sessionOf(target: RedisTarget): string {
  let session = sessions.get(target);
  if (session === undefined) {
    session = randomBytes(8).toString('hex');
    sessions.set(target, session);
  }
  return session;
}

type Verdict = { may: true; claim: Claim } | { may: false; why: Refusal };
type Refusal =
  | { kind: 'not-created' | 'not-noted' }
  | { kind: 'changed'; left: LeftContents }
  | { kind: 'in-use'; pid: number }
  | { kind: 'killed'; pid: number }
  | { kind: 'elsewhere' };

/**
 * Throws a UserError instead of letting the tutor wipe keys it did not create.
 * Call it before every FLUSHDB on target's database; after it returns, the
 * database is held by target's session.
 */
export async function assertSafeToReset(target: RedisTarget, options: OwnershipOptions & { force?: boolean } = {}): Promise<void> {
  if (target.owned) return;
  await withConnection(target, options.connection, async (redis) => {
    const recordFile = options.recordFile ?? defaultOwnershipFile();
    const keys = await redis.dbsize();
    const verdict = await judge(target, redis, recordFile, keys, options.force === true);
    if (verdict.may) {
      writeClaim(recordFile, verdict.claim);
      return;
    }
    throw refusalError(target, keys, verdict.why);
  });
}

/** Takes the target's database if it is empty now (or exactly as a finished session left it); true when the tutor may reset it later. */
export async function claimIfEmpty(target: RedisTarget, options: OwnershipOptions = {}): Promise<boolean> {
  if (target.owned) return true;
  return withConnection(target, options.connection, async (redis) => {
    const recordFile = options.recordFile ?? defaultOwnershipFile();
    const verdict = await judge(target, redis, recordFile, await redis.dbsize(), false);
    if (verdict.may) writeClaim(recordFile, verdict.claim);
    return verdict.may;
  });
}

/**
 * The session ends: it notes what it leaves in the database, so the next
 * session can tell the tutor's leftovers from keys someone added since.
 * Does nothing when the session no longer holds the database.
 */
export async function releaseClaim(target: RedisTarget, options: OwnershipOptions = {}): Promise<void> {
  if (target.owned) return;
  await withConnection(target, options.connection, async (redis) => {
    const recordFile = options.recordFile ?? defaultOwnershipFile();
    const { runId } = await readServerIdentity(redis);
    const claim = findClaim(recordFile, runId, target.spec.db);
    if (claim?.holder?.session !== sessionOf(target)) return;
    const keys = await redis.dbsize();
    const { holder: _released, ...rest } = claim;
    writeClaim(recordFile, { ...rest, left: { keys, digest: await contentsDigest(redis, keys), at: new Date().toISOString() } });
  });
}

async function judge(target: RedisTarget, redis: Redis, recordFile: string, keys: number, force: boolean): Promise<Verdict> {
  const { runId } = await readServerIdentity(redis);
  const claim = findClaim(recordFile, runId, target.spec.db);
  const session = sessionOf(target);
  const holder = claim?.holder;
  const held: Claim = {
    runId,
    db: target.spec.db,
    address: formatAddress(target.spec),
    claimedAt: claim?.holder?.session === session ? claim.claimedAt : new Date().toISOString(),
    holder: { session, pid: process.pid, machine: machineMarker() },
  };
  if (holder?.session === session) return { may: true, claim: held };
  const here = holder !== undefined && holder.machine === machineMarker();
  const holderRuns = here && isProcessAlive(holder.pid);
  if (holderRuns && !force) return { may: false, why: { kind: 'in-use', pid: holder.pid } };
  if (keys === 0 || force) return { may: true, claim: held };
  if (holder !== undefined) return { may: false, why: here ? { kind: 'killed', pid: holder.pid } : { kind: 'elsewhere' } };
  const left = claim?.left;
  if (left === undefined) return { may: false, why: { kind: claim ? 'not-noted' : 'not-created' } };
  if (left.keys === keys && left.digest === (await contentsDigest(redis, keys))) return { may: true, claim: held };
  return { may: false, why: { kind: 'changed', left } };
}

function refusalError(target: RedisTarget, keys: number, why: Refusal): UserError {
  const address = formatAddress(target.spec);
  const where = `database ${target.spec.db} on ${address}`;
  const held = `${keys} ${keys === 1 ? 'key' : 'keys'}`;
  const them = keys === 1 ? 'it' : 'them';
  const otherDb = `--url redis://${address}/${suggestOtherDb(target.spec.db)}`;
  const nextStep = `Give the tutor an empty database by ending the URL with another number (e.g. ${otherDb}), or pass --force if those keys may be deleted.`;
  const stopped = `so it stopped before resetting it: a reset (FLUSHDB) would delete ${them}.`;
  switch (why.kind) {
    case 'in-use':
      return new UserError(
        `${where} is in use: another redis-tutor run (pid ${why.pid}) is using it, so this one stopped before resetting it.`,
        `Wait for that run to end, or give this one another database (e.g. ${otherDb}).`,
      );
    case 'not-created':
      return new UserError(`${where} holds ${held} that redis-tutor did not create, ${stopped}`, nextStep);
    case 'not-noted':
      return new UserError(`${where} holds ${held}, and redis-tutor has no note of what it left there, ${stopped}`, nextStep);
    case 'changed':
      return new UserError(
        `${where} holds ${held} and changed since redis-tutor last left it (with ${why.left.keys} ${why.left.keys === 1 ? 'key' : 'keys'}), ${stopped}`,
        nextStep,
      );
    case 'killed':
      return new UserError(`${where} holds ${held}, and the redis-tutor run that used it (pid ${why.pid}) ended before it noted what it left, ${stopped}`, nextStep);
    case 'elsewhere':
      return new UserError(`${where} holds ${held}, and a redis-tutor run on another machine (or container) holds it, ${stopped}`, nextStep);
  }
}

/** How many keys and a digest of their names (SCAN, binary-safe): enough to see that someone added, renamed or deleted a key. */
async function contentsDigest(redis: Redis, keys: number): Promise<string> {
  if (keys > MAX_FINGERPRINT_KEYS) return 'too-many-keys';
  const names = new Set<string>();
  let cursor = '0';
  do {
    const [next, batch] = (await redis.callBuffer('SCAN', cursor, 'COUNT', SCAN_BATCH)) as [Buffer, Buffer[]];
    cursor = next.toString();
    for (const name of batch) names.add(name.toString('base64'));
  } while (cursor !== '0');
  return createHash('sha256').update([...names].sort().join('\n')).digest('hex');
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
