import { EnvironmentError } from '../errors.js';

/** The oldest Redis the lessons are written for (GETDEL, SET ... GET, ZRANGE BYSCORE/REV, ACL users). */
export const MINIMUM_REDIS_VERSION = '6.2.0';

export type VersionTriple = readonly [major: number, minor: number, patch: number];

/** "7.0.15" -> [7, 0, 15]; a missing patch counts as 0; anything else is undefined. */
export function parseVersion(text: string): VersionTriple | undefined {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
}

/** The version in `redis-server --version` output ("Redis server v=7.0.15 sha=..."; Valkey prints the same shape). */
export function versionFromServerBinaryOutput(output: string): string | undefined {
  return /\bv=(\d+\.\d+\.\d+)/.exec(output)?.[1];
}

/** Negative, zero or positive, like a sort comparator. Unparseable versions sort before every real one. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return (left ? 1 : 0) - (right ? 1 : 0);
  for (let i = 0; i < 3; i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export function isSupportedVersion(version: string): boolean {
  return parseVersion(version) !== undefined && compareVersions(version, MINIMUM_REDIS_VERSION) >= 0;
}

/** Redis 7 replaced rename-command tricks with enable-*-command and added protected configs. */
export function isRedis7OrNewer(version: string): boolean {
  return compareVersions(version, '7.0.0') >= 0;
}

/**
 * @param where names the server for the message, e.g. "redis-server at /usr/bin/redis-server"
 *   or "the Redis at localhost:6379".
 */
export function assertSupportedVersion(version: string, where: string): void {
  if (isSupportedVersion(version)) return;
  const minimum = MINIMUM_REDIS_VERSION.replace(/\.0$/, '');
  throw new EnvironmentError(
    `${where} is Redis ${version}, and redis-tutor needs Redis ${minimum} or newer.`,
    `Install a newer Redis (sudo apt-get install -y redis-server on a recent distribution, or brew install redis), ` +
      `or start one with Docker (docker run -d -p 127.0.0.1:6379:6379 redis:7) and pass --url redis://localhost:6379.`,
  );
}
