import { isIP } from 'node:net';
import { UserError } from '../errors.js';
import type { ConnectionSpec } from '../redis/target.js';
import { tlsEndpointOf, tlsSpec } from '../redis/tls-lab.js';

/**
 * `redis://user:password@host:port/db` for a spec, as redis-py, ioredis and
 * redis-cli -u read it. A password without a user is written as the user
 * `default`'s: redis-cli 7.0 sends `AUTH "" password` for `redis://:password@`
 * and is refused.
 */
export function redisUrl(spec: ConnectionSpec): string {
  const credentials = spec.password !== undefined ? `${encodeURIComponent(spec.username ?? 'default')}:${encodeURIComponent(spec.password)}@` : '';
  const host = isIP(spec.host) === 6 ? `[${spec.host}]` : spec.host;
  return `${spec.tls ? 'rediss' : 'redis'}://${credentials}${host}:${spec.port}/${spec.db}`;
}

/** Used when the grader itself runs without PATH: where interpreters live on every Unix. */
const FALLBACK_PATH = '/usr/local/bin:/usr/bin:/bin';

/** Of the grader's own environment, only what finds interpreters and sets the language of their messages. */
const KEPT_FROM_GRADER = ['PATH', 'LANG'] as const;

/** Set by the grader for every program; --pass-env cannot override them. */
const SET_BY_GRADER = new Set(['HOME', 'PATH', 'LANG', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE']);

/**
 * The environment of a program answer. Nothing of the grader's is inherited
 * but PATH and LANG: a CI job's environment holds tokens and keys, and a
 * student's program must not see them. The teacher names what else a course
 * needs (`--pass-env PYTHONPATH`). The sandbox comes as REDIS_URL (with its
 * database and credentials) and, for code that builds its own connection,
 * REDIS_HOST, REDIS_PORT, REDIS_DB (and REDIS_USERNAME / REDIS_PASSWORD when
 * the sandbox has them); in a TLS lab (requires: { tls: true }) also
 * REDIS_TLS_URL (rediss://, straight to the server's TLS port) and REDIS_TLS_CA
 * (the lab CA's file). HOME is set by runProgram (a throwaway folder).
 * Python is told not to buffer (so output interleaves as printed) and not to
 * write __pycache__ into the submission.
 */
export function programEnv(base: NodeJS.ProcessEnv, sandbox: ConnectionSpec, passEnv: readonly string[] = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of [...KEPT_FROM_GRADER, ...passEnv]) {
    const value = base[name];
    if (value !== undefined) env[name] = value;
  }
  env.PATH ??= FALLBACK_PATH;
  const tls = tlsEndpointOf(sandbox);
  return {
    ...env,
    REDIS_URL: redisUrl(sandbox),
    REDIS_HOST: sandbox.host,
    REDIS_PORT: String(sandbox.port),
    REDIS_DB: String(sandbox.db),
    ...(sandbox.username !== undefined ? { REDIS_USERNAME: sandbox.username } : {}),
    ...(sandbox.password !== undefined ? { REDIS_PASSWORD: sandbox.password } : {}),
    ...(tls !== undefined ? { REDIS_TLS_URL: redisUrl(tlsSpec(sandbox, tls)), REDIS_TLS_CA: tls.caFile } : {}),
    PYTHONUNBUFFERED: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `--pass-env NAME` (repeatable) as commander hands it over: the names, checked. */
export function parsePassEnv(value: unknown): string[] {
  if (value === undefined) return [];
  const names = (Array.isArray(value) ? value : [value]).map(String);
  for (const name of names) {
    if (!VARIABLE_NAME.test(name)) {
      throw new UserError(
        `--pass-env takes the name of an environment variable, not "${name}".`,
        'Give the name only, once per variable: --pass-env PYTHONPATH --pass-env NODE_PATH (its value is taken from the grader\'s environment).',
      );
    }
    if (name.startsWith('REDIS_') || SET_BY_GRADER.has(name)) {
      throw new UserError(
        `--pass-env ${name}: the grader sets ${name} for every program itself.`,
        `Drop --pass-env ${name}: programs get PATH, LANG, HOME (a throwaway folder), REDIS_URL, REDIS_HOST, REDIS_PORT and REDIS_DB already.`,
      );
    }
  }
  return names;
}
