import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ConnectionSpec } from '../redis/target.js';

export interface TutorCredentials {
  username: string;
  password: string;
}

export const TUTOR_USER_PREFIX = 'redis-tutor-checker-';

/**
 * Gives the tutor an ACL user of its own, so its checks keep working when
 * the learner sets requirepass or changes the default user (the sandbox
 * reset undoes that later). The checker switches to it now and on every
 * reconnect. Returns undefined when the server does not allow it (a managed
 * Redis without ACL SETUSER): the tutor then keeps the credentials it was given.
 *
 * `credentials`: the same user again, after a restart made the server forget
 * it (ACL users live in memory; the private server has no aclfile).
 */
export async function adoptTutorUser(checker: Redis, credentials: TutorCredentials = newCredentials()): Promise<TutorCredentials | undefined> {
  try {
    await checker.call('ACL', 'SETUSER', credentials.username, 'reset', 'on', `>${credentials.password}`, '~*', '&*', '+@all');
    await checker.call('AUTH', credentials.username, credentials.password);
  } catch {
    return undefined;
  }
  // ioredis authenticates with its options on every reconnect.
  checker.options.username = credentials.username;
  checker.options.password = credentials.password;
  return credentials;
}

/**
 * Points the checker back at the credentials it was opened with (`spec`),
 * for a reconnect to a server that no longer knows the tutor's user.
 */
export function forgetTutorUser(checker: Redis, spec: ConnectionSpec): void {
  checker.options.username = spec.username;
  checker.options.password = spec.password;
}

function newCredentials(): TutorCredentials {
  return { username: TUTOR_USER_PREFIX + randomBytes(6).toString('hex'), password: randomBytes(24).toString('hex') };
}

export async function dropTutorUser(checker: Redis, credentials: TutorCredentials): Promise<void> {
  try {
    // Deleting the user also closes the connections logged in as it, this one included.
    await checker.call('ACL', 'DELUSER', credentials.username);
  } catch {
    // The server may be gone already (released private server).
  }
}
