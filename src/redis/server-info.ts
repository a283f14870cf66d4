import type { Redis } from 'ioredis';

export interface ServerIdentity {
  /** redis_version, e.g. "7.2.4" (Valkey reports its Redis-compatible version here). */
  version: string;
  /** run_id: random per server process, so it changes when the server restarts. */
  runId: string;
}

export async function readServerIdentity(redis: Redis): Promise<ServerIdentity> {
  const info = await redis.info('server');
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  return { version: field('redis_version'), runId: field('run_id') };
}
