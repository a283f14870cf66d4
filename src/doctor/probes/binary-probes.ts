import { readBinaryVersion } from '../../redis/binary-version.js';
import { readBinaryProduct } from '../../redis/server-identity.js';
import { findOnPath, findRedisServer } from '../../redis/find-redis-server.js';
import { isTutorError, errorMessage } from '../../errors.js';
import type { RedisCliFact, RedisServerFact } from '../doctor-facts.js';
import { runQuietly } from './run-quietly.js';

/** Finds redis-server exactly as acquireRedis() does (--redis-server, REDIS_SERVER_BIN, PATH) and asks its version. */
export async function probeRedisServer(request: { explicitPath?: string; env: NodeJS.ProcessEnv; cwd: string }): Promise<RedisServerFact> {
  let found;
  try {
    found = findRedisServer({ ...(request.explicitPath ? { explicitPath: request.explicitPath } : {}), env: request.env, cwd: request.cwd });
  } catch (error) {
    if (!isTutorError(error)) throw error;
    const fromOption = request.explicitPath !== undefined && request.explicitPath !== '';
    return { state: 'bad-choice', origin: fromOption ? '--redis-server' : 'REDIS_SERVER_BIN', given: fromOption ? request.explicitPath ?? '' : request.env['REDIS_SERVER_BIN'] ?? '' };
  }
  if (!found) return { state: 'missing' };
  try {
    const version = await readBinaryVersion(found.path);
    // Valkey's binaries say "Valkey server v=8.0.1" (its own version); the tutor names it so.
    const product = await readBinaryProduct(found.path);
    return { state: 'found', path: found.path, source: found.source, version, ...(product?.kind === 'valkey' ? { kind: 'valkey' as const } : {}) };
  } catch (error) {
    return { state: 'unrunnable', path: found.path, source: found.source, reason: errorMessage(error) };
  }
}

/** redis-cli prints "redis-cli 7.0.15" (Valkey's valkey-cli is not looked for: the tests call redis-cli by name). */
export async function probeRedisCli(env: NodeJS.ProcessEnv): Promise<RedisCliFact> {
  const path = findOnPath('redis-cli', env);
  if (!path) return { state: 'missing' };
  const run = await runQuietly(path, ['--version'], env, 5_000);
  return { state: 'found', path, version: /(\d+\.\d+\.\d+)/.exec(run.stdout)?.[1] };
}
