import { requiredCommands, type ServerFacts } from '../course/requirement-fit.js';
import type { Course } from '../course/schema.js';
import { errorMessage } from '../errors.js';
import type { Io } from '../io.js';
import { connect } from '../redis/connect.js';
import { parseRedisUrl } from '../redis/connection-url.js';
import { findRedisServer } from '../redis/find-redis-server.js';
import { readBinaryProduct, readServerFacts } from '../redis/server-identity.js';
import { CHECKER_CLIENT_NAME } from '../redis/target.js';
import { binaryHasTls } from '../redis/tls-lab.js';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * The server `start` would use, as far as `list` and `show` can tell without
 * starting one: the Redis at --url (asked), else the redis-server binary
 * (its --version; a server the tutor owns). Undefined when there is none or
 * it does not answer: nothing is marked then, and a --url problem is noted.
 */
export async function knownServer(options: Record<string, unknown>, io: Io, course: Course): Promise<ServerFacts | undefined> {
  const url = typeof options.url === 'string' && options.url !== '' ? options.url : undefined;
  if (url !== undefined) {
    try {
      const redis = await connect(parseRedisUrl(url), { name: CHECKER_CLIENT_NAME, reconnect: false, connectTimeoutMs: PROBE_TIMEOUT_MS });
      try {
        // Exercises that need a server the tutor owns run on one it starts beside, when it finds a redis-server.
        return { ...(await readServerFacts(redis, { owned: false, commands: requiredCommands(course) })), ownedBeside: besideAvailable(options, io) };
      } finally {
        redis.disconnect();
      }
    } catch (error) {
      io.stderr.write(`note: exercises are not checked against the Redis at --url: ${errorMessage(error)}\n`);
      return undefined;
    }
  }
  try {
    const explicitPath = typeof options.redisServer === 'string' ? options.redisServer : undefined;
    const found = findRedisServer({ ...(explicitPath !== undefined ? { explicitPath } : {}), env: io.env, cwd: io.cwd });
    const product = found ? await readBinaryProduct(found.path) : undefined;
    return product && found ? { ...product, owned: true, commands: {}, tls: binaryHasTls(found.path) } : undefined;
  } catch {
    // A --redis-server that is not a binary is `start`'s to report; list and show just do not mark.
    return undefined;
  }
}

function besideAvailable(options: Record<string, unknown>, io: Io): boolean {
  try {
    return findRedisServer({ ...(typeof options.redisServer === 'string' ? { explicitPath: options.redisServer } : {}), env: io.env, cwd: io.cwd }) !== undefined;
  } catch {
    return false;
  }
}
