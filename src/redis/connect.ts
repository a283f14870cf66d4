import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { EnvironmentError, isTutorError, type TutorError } from '../errors.js';
import {
  endpointError,
  missingPermissionError,
  noDatabaseError,
  passwordNeededError,
  passwordNotExpectedError,
  passwordRefusedError,
  permissionFromReply,
} from './connection-errors.js';
import { formatAddress } from './connection-url.js';
import { openProbe } from './endpoint-probe.js';
import type { ConnectionSpec } from './target.js';

export interface ConnectOptions {
  /** CLIENT SETNAME value, so CLIENT LIST shows who is who. */
  name: string;
  /**
   * Keep reconnecting for ~10 s after a drop (the TUI restarts a dead private
   * server on the same port). A one-off probe passes false and fails at once.
   */
  reconnect: boolean;
  connectTimeoutMs?: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 3_000;

/** ioredis settings for a spec. No offline queue: a command sent while disconnected fails now instead of running later by surprise. */
export function ioredisOptions(spec: ConnectionSpec, options: ConnectOptions): RedisOptions {
  return {
    host: spec.host,
    port: spec.port,
    db: spec.db,
    ...(spec.username !== undefined ? { username: spec.username } : {}),
    ...(spec.password !== undefined ? { password: spec.password } : {}),
    // servername must be a DNS name; Node warns (on stderr) if given an IP.
    ...(spec.tls ? { tls: isIP(spec.host) === 0 ? { servername: spec.host } : {} } : {}),
    connectionName: options.name,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    retryStrategy: options.reconnect ? (attempt: number) => (attempt > 20 ? null : Math.min(attempt * 50, 500)) : () => null,
    autoResubscribe: false,
  };
}

/**
 * A ready ioredis connection with the database selected, or a UserError /
 * EnvironmentError that says what went wrong (bad password, no server, no
 * such db, something that is not Redis). A server that accepts the
 * connection but never finishes the handshake is given up on too: ioredis
 * itself would wait for it forever.
 */
export async function connect(spec: ConnectionSpec, options: ConnectOptions): Promise<Redis> {
  const redis = new Redis(ioredisOptions(spec, options));
  let lastError: Error | undefined;
  // Without a listener ioredis prints "Unhandled error event" itself; the tutor never prints from here.
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<'silent'>((resolve) => {
    // The TCP (or TLS) connect has its own timeout; the replies to the handshake get as long again.
    timer = setTimeout(() => resolve('silent'), 2 * timeoutMs);
  });
  try {
    const outcome = await Promise.race([
      (async () => {
        await redis.connect();
        // ioredis swallows a failed SELECT during its handshake, so check the database explicitly.
        if (spec.db !== 0) await redis.select(spec.db);
        return 'ready' as const;
      })(),
      silence,
    ]);
    if (outcome === 'silent') throw endpointError(spec, { kind: 'silent', waitedMs: 2 * timeoutMs });
    return redis;
  } catch (error) {
    redis.disconnect();
    if (isTutorError(error)) throw error;
    throw await explainConnectFailure(spec, lastError ?? (error instanceof Error ? error : new Error(String(error))), timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

/** The reply errors of a handshake in the tutor's words; anything else (a socket error) is looked into with a raw probe. */
async function explainConnectFailure(spec: ConnectionSpec, error: Error, timeoutMs: number): Promise<TutorError> {
  const known = connectionError(spec, error);
  if (!(known instanceof EnvironmentError)) return known;
  const opened = await openProbe(spec, { timeoutMs });
  if (!opened.ok) return endpointError(spec, opened.failure);
  const answer = await opened.value.exchange([['PING']]);
  opened.value.close();
  // It answers PING as Redis does now: whatever failed was not about what listens there.
  return answer.ok ? known : endpointError(spec, answer.failure);
}

export function connectionError(spec: ConnectionSpec, error: Error): TutorError {
  const reason = error.message.split('\n')[0] ?? error.message;
  if (/WRONGPASS|invalid password|invalid username-password/i.test(reason)) return passwordRefusedError(spec, error);
  if (/without any password configured|no password is set/i.test(reason)) return passwordNotExpectedError(spec, error);
  if (/NOAUTH|Authentication required/i.test(reason)) return passwordNeededError(spec, error);
  const permission = permissionFromReply(reason);
  if (permission) return missingPermissionError(spec, permission, error);
  if (/DB index is out of range/i.test(reason)) return noDatabaseError(spec, error);
  return new EnvironmentError(`could not connect to Redis at ${formatAddress(spec)} (${reason}).`, 'Check that it is running and reachable, and that --url is right (rediss:// for TLS).', { cause: error });
}
