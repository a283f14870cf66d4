import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { registerExitCleanup } from '../redis/exit-cleanup.js';
import { isProcessAlive, machineMarker } from '../redis/run-marker.js';
import type { ConnectionSpec } from '../redis/target.js';
import { parseClientList } from './client-list.js';

export interface TutorCredentials {
  username: string;
  password: string;
}

export const TUTOR_USER_PREFIX = 'redis-tutor-checker-';

/**
 * `redis-tutor-checker-MACHINE-PID-RANDOM`: the machine's pid space (see
 * ../redis/run-marker.ts) and the pid of the run that made the user, so a
 * later run on this machine can tell a live run's user from a dead one's.
 */
const TUTOR_USER_NAME = /^redis-tutor-checker-([0-9a-f]{8})-(\d+)-[0-9a-f]{8}$/;

/** Users this process made and still uses; any other of its own name is a leftover (a failed close). */
const liveUsers = new Map<string, () => void>();

/**
 * Gives the tutor an ACL user of its own, so its checks keep working when
 * the learner sets requirepass or changes the default user (the sandbox
 * reset undoes that later). The checker switches to it now and on every
 * reconnect. Returns undefined when the server does not allow it (a managed
 * Redis without ACL SETUSER): the tutor then keeps the credentials it was given.
 *
 * Users of killed runs on this machine are removed first. The user is
 * removed again by dropTutorUser() and, when a signal ends the tutor, on the
 * way out (../redis/exit-cleanup.ts).
 *
 * `credentials`: the same user again, after a restart made the server forget
 * it (ACL users live in memory; the private server has no aclfile).
 */
export async function adoptTutorUser(checker: Redis, credentials: TutorCredentials = newCredentials()): Promise<TutorCredentials | undefined> {
  const { username } = credentials;
  // Counted as live before it exists, so a sweep by another engine of this process never takes it.
  const alreadyLive = liveUsers.has(username);
  if (!alreadyLive) liveUsers.set(username, () => undefined);
  await removeStaleTutorUsers(checker);
  try {
    await checker.call('ACL', 'SETUSER', username, 'reset', 'on', `>${credentials.password}`, '~*', '&*', '+@all');
    await checker.call('AUTH', username, credentials.password);
  } catch {
    if (!alreadyLive) liveUsers.delete(username);
    return undefined;
  }
  if (!alreadyLive) {
    const unregister = registerExitCleanup(
      { cleanUpNow: () => undefined, cleanUpOnSignal: () => deleteUser(checker, username) },
      { handleSignals: false },
    );
    liveUsers.set(username, unregister);
  }
  // ioredis authenticates with its options on every reconnect.
  checker.options.username = username;
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
  return {
    username: `${TUTOR_USER_PREFIX}${machineMarker()}-${process.pid}-${randomBytes(4).toString('hex')}`,
    password: randomBytes(24).toString('hex'),
  };
}

export async function dropTutorUser(checker: Redis, credentials: TutorCredentials): Promise<void> {
  // No longer live whatever happens next: if the server does not take the DELUSER now, the next start's sweep does.
  liveUsers.get(credentials.username)?.();
  liveUsers.delete(credentials.username);
  await deleteUser(checker, credentials.username);
}

async function deleteUser(checker: Redis, username: string): Promise<void> {
  try {
    // Deleting the user also closes the connections logged in as it, this one included.
    await checker.call('ACL', 'DELUSER', username);
  } catch {
    // The server may be gone already (released private server).
  }
}

/**
 * Deletes the ACL users of redis-tutor runs on this machine that are gone
 * (killed before they could clean up) and returns their names. A user is
 * removed only when all of this holds: its name is one the tutor gives, it
 * was made on this machine's pid space, its run's process no longer exists
 * (or, for this process, no engine uses it), and no connection is logged in
 * as it. Users of other machines, and every user the tutor did not name,
 * are never touched. Best effort: a server that refuses ACL commands keeps them.
 */
export async function removeStaleTutorUsers(checker: Redis): Promise<string[]> {
  try {
    const [users, clients] = await Promise.all([checker.call('ACL', 'USERS'), checker.call('CLIENT', 'LIST')]);
    if (!Array.isArray(users) || typeof clients !== 'string') return [];
    const loggedIn = new Set(parseClientList(clients).map((client) => client.user));
    const stale = users.filter((name): name is string => typeof name === 'string' && isStale(name, loggedIn));
    if (stale.length > 0) await checker.call('ACL', 'DELUSER', ...stale);
    return stale;
  } catch {
    return [];
  }
}

function isStale(name: string, loggedIn: ReadonlySet<string | undefined>): boolean {
  const parts = TUTOR_USER_NAME.exec(name);
  if (!parts || parts[1] !== machineMarker() || loggedIn.has(name)) return false;
  const pid = Number(parts[2]);
  return pid === process.pid ? !liveUsers.has(name) : !isProcessAlive(pid);
}
