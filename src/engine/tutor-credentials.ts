import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

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
 */
export async function adoptTutorUser(checker: Redis): Promise<TutorCredentials | undefined> {
  const credentials = { username: TUTOR_USER_PREFIX + randomBytes(6).toString('hex'), password: randomBytes(24).toString('hex') };
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

export async function dropTutorUser(checker: Redis, credentials: TutorCredentials): Promise<void> {
  try {
    // Deleting the user also closes the connections logged in as it, this one included.
    await checker.call('ACL', 'DELUSER', credentials.username);
  } catch {
    // The server may be gone already (released private server).
  }
}
