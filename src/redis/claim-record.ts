import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/*
 * The file where the tutor keeps what it knows of --url databases on this
 * machine (see ./ownership.ts for the rule). One entry per (server run_id,
 * database); written whole and renamed into place, so two tutors on one
 * machine never read half a file.
 */

/** The session that holds a database now; pid and machine let a later one tell whether it still runs. */
export interface ClaimHolder {
  session: string;
  pid: number;
  machine: string;
}

/** What a session left in the database when it let go: how many keys and a digest of their names. */
export interface LeftContents {
  keys: number;
  digest: string;
  at: string;
}

export interface Claim {
  runId: string;
  db: number;
  address: string;
  claimedAt: string;
  holder?: ClaimHolder;
  left?: LeftContents;
}

const MAX_CLAIMS = 200;

export function findClaim(recordFile: string, runId: string, db: number): Claim | undefined {
  if (runId === '') return undefined;
  return readClaims(recordFile).find((claim) => claim.runId === runId && claim.db === db);
}

/** Replaces the entry for (runId, db); the oldest entries go past MAX_CLAIMS. */
export function writeClaim(recordFile: string, claim: Claim): void {
  if (claim.runId === '') return;
  const others = readClaims(recordFile).filter((c) => !(c.runId === claim.runId && c.db === claim.db));
  const claims = [...others, claim].slice(-MAX_CLAIMS);
  mkdirSync(dirname(recordFile), { recursive: true });
  const temporary = `${recordFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ claims }, null, 2) + '\n');
  renameSync(temporary, recordFile);
}

function readClaims(recordFile: string): Claim[] {
  try {
    const parsed: unknown = JSON.parse(readFileSync(recordFile, 'utf8'));
    const claims = (parsed as { claims?: unknown }).claims;
    return Array.isArray(claims) ? claims.filter(isClaim).map(withValidParts) : [];
  } catch {
    // Missing or damaged: no claims, which only makes the tutor more careful.
    return [];
  }
}

function isClaim(value: unknown): value is Claim {
  const claim = value as Partial<Claim> | null;
  return typeof claim?.runId === 'string' && typeof claim.db === 'number';
}

/** A holder or a record of what was left that is not whole counts as unknown (the careful side). */
function withValidParts(claim: Claim): Claim {
  const { holder, left, ...rest } = claim;
  const validHolder = typeof holder?.session === 'string' && typeof holder.pid === 'number' && typeof holder.machine === 'string';
  const validLeft = typeof left?.keys === 'number' && typeof left.digest === 'string';
  return { ...rest, ...(validHolder ? { holder } : {}), ...(validLeft ? { left } : {}) };
}
