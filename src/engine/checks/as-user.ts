import { isIP } from 'node:net';
import { Redis } from 'ioredis';
import type { AsUser } from '../../course/schema.js';
import type { ConnectionSpec } from '../../redis/target.js';
import { ioredisToValue } from '../reply-value.js';
import { verbatim, type Verdict } from '../../results/check-result.js';
import { AS_USER } from '../texts.js';
import { isErrorValue, type Value } from '../value.js';

export type AsUserOutcome = { kind: 'reply'; reply: Value } | { kind: 'auth-failed'; verdict: Verdict };

/**
 * Runs one command as another user on a connection of its own, closed
 * afterwards. No client name and no ready check: both are commands the user
 * under test may not be allowed to run, and they would fail before AUTH anyway.
 */
/**
 * `tutor`: the checker's credentials. The learner's database is selected as
 * the tutor before AUTH as the user: the user under test may not be allowed
 * SELECT (a read-only user has only @read), and AUTH keeps the database.
 */
export async function runAsUser(spec: ConnectionSpec, as: AsUser, args: readonly Buffer[], tutor: TutorLogin = {}): Promise<AsUserOutcome> {
  const redis = new Redis({
    host: spec.host,
    port: spec.port,
    ...(spec.tls ? { tls: isIP(spec.host) === 0 ? { servername: spec.host } : {} } : {}),
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 2_000,
  });
  redis.on('error', () => {
    // Reported through the command that fails; ioredis would print otherwise.
  });
  try {
    await redis.connect();
    if (spec.db !== 0) await selectAsTutor(redis, spec.db, tutor);
    const credentials = as.user !== undefined ? [as.user, as.password] : [as.password];
    const auth = await callValue(redis, ['AUTH', ...credentials]);
    if (isErrorValue(auth)) {
      const expected = as.user !== undefined ? AS_USER.authAs(as.user) : AS_USER.authWithPassword;
      return { kind: 'auth-failed', verdict: { passed: false, expected, found: verbatim(`(error) ${auth.message}`) } };
    }
    const [name, ...rest] = args;
    return { kind: 'reply', reply: await callValue(redis, [name ?? '', ...rest]) };
  } finally {
    redis.disconnect();
  }
}

export interface TutorLogin {
  username?: string | undefined;
  password?: string | undefined;
}

async function selectAsTutor(redis: Redis, db: number, tutor: TutorLogin): Promise<void> {
  if (tutor.password !== undefined) {
    const login = await callValue(redis, ['AUTH', ...(tutor.username !== undefined ? [tutor.username] : []), tutor.password]);
    if (isErrorValue(login)) throw new Error(`could not log in as the tutor to select database ${db}: ${login.message}`);
  }
  const selected = await callValue(redis, ['SELECT', String(db)]);
  if (isErrorValue(selected)) throw new Error(`could not select database ${db}: ${selected.message}`);
}

/** A reply or the server's error as a value; connection failures still throw. */
async function callValue(redis: Redis, [name, ...args]: readonly (string | Buffer)[]): Promise<Value> {
  try {
    return ioredisToValue(await redis.call(String(name), ...args));
  } catch (error) {
    if (error instanceof Error && error.name === 'ReplyError') return ioredisToValue(error);
    throw error;
  }
}
