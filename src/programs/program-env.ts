import { isIP } from 'node:net';
import type { ConnectionSpec } from '../redis/target.js';

/** `redis://user:password@host:port/db` for a spec, as redis-py, ioredis and redis-cli -u read it. */
export function redisUrl(spec: ConnectionSpec): string {
  const credentials =
    spec.password !== undefined ? `${spec.username !== undefined ? encodeURIComponent(spec.username) : ''}:${encodeURIComponent(spec.password)}@` : '';
  const host = isIP(spec.host) === 6 ? `[${spec.host}]` : spec.host;
  return `${spec.tls ? 'rediss' : 'redis'}://${credentials}${host}:${spec.port}/${spec.db}`;
}

/**
 * The environment of a program answer: the grader's own (PATH, a virtualenv,
 * HOME) plus where the sandbox is. Python is told not to buffer (so output
 * interleaves as printed) and not to write __pycache__ into the submission.
 */
export function programEnv(base: NodeJS.ProcessEnv, sandbox: ConnectionSpec): NodeJS.ProcessEnv {
  return {
    ...base,
    REDIS_URL: redisUrl(sandbox),
    REDIS_HOST: sandbox.host,
    REDIS_PORT: String(sandbox.port),
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}
