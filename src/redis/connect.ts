import { isIP } from 'node:net';
import { Redis, type RedisOptions } from 'ioredis';
import { EnvironmentError, UserError } from '../errors.js';
import { formatAddress } from './connection-url.js';
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
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    retryStrategy: options.reconnect ? (attempt: number) => (attempt > 20 ? null : Math.min(attempt * 50, 500)) : () => null,
    autoResubscribe: false,
  };
}

/**
 * A ready ioredis connection with the database selected, or a UserError /
 * EnvironmentError that says what went wrong (bad password, no server, no such db).
 */
export async function connect(spec: ConnectionSpec, options: ConnectOptions): Promise<Redis> {
  const redis = new Redis(ioredisOptions(spec, options));
  let lastError: Error | undefined;
  // Without a listener ioredis prints "Unhandled error event" itself; the tutor never prints from here.
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    // ioredis swallows a failed SELECT during its handshake, so check the database explicitly.
    if (spec.db !== 0) await redis.select(spec.db);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw connectionError(spec, lastError ?? (error instanceof Error ? error : new Error(String(error))));
  }
}

export function connectionError(spec: ConnectionSpec, error: Error): UserError | EnvironmentError {
  const address = formatAddress(spec);
  const reason = error.message.split('\n')[0] ?? error.message;
  if (/WRONGPASS|invalid password|invalid username-password/i.test(reason)) {
    return new UserError(`Redis at ${address} refused the user and password given (${reason}).`, 'Check the user and password in --url (redis://user:password@host:port).', { cause: error });
  }
  if (/NOAUTH|Authentication required/i.test(reason)) {
    return new UserError(`Redis at ${address} needs a password.`, 'Put it in the URL: --url redis://:PASSWORD@host:port (or redis://USER:PASSWORD@host:port).', { cause: error });
  }
  if (/DB index is out of range/i.test(reason)) {
    return new UserError(`Redis at ${address} has no database ${spec.db}.`, 'Use a smaller number in the URL path (/0 to /15 on a default server).', { cause: error });
  }
  return new EnvironmentError(`could not connect to Redis at ${address} (${reason}).`, 'Check that it is running and reachable, and that --url is right (rediss:// for TLS).', { cause: error });
}
