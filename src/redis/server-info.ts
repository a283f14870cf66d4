import type { Redis } from 'ioredis';
import { missingPermissionError, permissionFromReply } from './connection-errors.js';

export interface ServerIdentity {
  /** redis_version, e.g. "7.2.4" (Valkey reports its Redis-compatible version here). */
  version: string;
  /** run_id: random per server process, so it changes when the server restarts. */
  runId: string;
}

export async function readServerIdentity(redis: Redis): Promise<ServerIdentity> {
  let info: string;
  try {
    info = await redis.info('server');
  } catch (error) {
    // A user without INFO: say so in the tutor's words rather than as a crash.
    const permission = error instanceof Error ? permissionFromReply(error.message) : undefined;
    if (!permission) throw error;
    const { host = 'localhost', port = 6379, username, tls } = redis.options;
    throw missingPermissionError({ host, port, tls: tls !== undefined, ...(username ? { username } : {}) }, permission, error);
  }
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(info)?.[1]?.trim() ?? '';
  return { version: field('redis_version'), runId: field('run_id') };
}
