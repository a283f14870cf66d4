import type { Redis } from 'ioredis';
import type { CheckerCommand } from './checks/compiled-check.js';
import { ioredisToValue } from './reply-value.js';
import { ErrorValue, type Value } from './value.js';

/**
 * Sends commands in one pipeline (one round trip) and returns every reply as
 * a value, server errors included as ErrorValue. Only a lost connection throws.
 */
export async function execPipeline(redis: Redis, commands: readonly CheckerCommand[]): Promise<Value[]> {
  if (commands.length === 0) return [];
  const pipeline = redis.pipeline();
  for (const [name, ...args] of commands) pipeline.call(String(name), ...args);
  const results = await pipeline.exec();
  if (!results) throw new Error('the checker connection closed during the checks');
  return results.map(([error, reply]) => (error ? new ErrorValue(error.message) : ioredisToValue(reply)));
}

/** One command; server errors come back as ErrorValue. */
export async function execOne(redis: Redis, command: CheckerCommand): Promise<Value> {
  const [reply] = await execPipeline(redis, [command]);
  return reply ?? null;
}
