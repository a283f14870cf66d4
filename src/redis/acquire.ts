import { readBinaryVersion } from './binary-version.js';
import { findAnsweringDocker, startDockerServer, type DockerRedisTarget } from './docker-server.js';
import { findRedisServer } from './find-redis-server.js';
import { noRedisAvailableError } from './no-redis-error.js';
import { startPrivateServer, type PrivateRedisTarget } from './private-server.js';
import { assertSupportedVersion, isSupportedVersion } from './server-version.js';
import { connectToUrl, type UrlRedisTarget } from './url-target.js';

export { startPrivateServer, PrivateRedisTarget } from './private-server.js';
export type { StartPrivateServerOptions } from './private-server.js';
export type { ServerExit } from './target.js';
export type { DockerRedisTarget } from './docker-server.js';
export type { UrlRedisTarget } from './url-target.js';

/** What acquireRedis() hands out; narrow on `kind` to reach restart() (private) or containerName (docker). */
export type AcquiredRedis = PrivateRedisTarget | DockerRedisTarget | UrlRedisTarget;

export interface AcquireRedisOptions {
  /** `--url`; falls back to REDIS_URL in env. An existing server the tutor does not own. */
  url?: string;
  /** `--redis-server PATH`; falls back to REDIS_SERVER_BIN in env, then PATH. */
  redisServerBin?: string;
  /** Default process.env. Read for REDIS_URL, REDIS_SERVER_BIN and PATH (redis-server, docker). */
  env?: NodeJS.ProcessEnv;
  /** Try a throwaway redis:7 container when there is no redis-server (default true). */
  docker?: boolean;
  /** redis.conf lines for a server the tutor starts (private or Docker), after its safe defaults. */
  extraConfig?: readonly string[];
  /** Clean up and exit 130/143 on SIGINT/SIGTERM (default true); an interactive prompt that owns Ctrl-C passes false. */
  handleSignals?: boolean;
  /** Progress messages for people; the engine itself never prints. */
  onStatus?: (message: string) => void;
  /** Where claims on --url databases are kept (see ./ownership.ts); default: the tutor's data directory. */
  ownershipFile?: string;
}

/**
 * The one way the tutor gets a Redis, in this order:
 * 1. --url / REDIS_URL: an existing server (checked, and its database claimed if empty),
 *    with a private redis-server beside it for exercises that need one the tutor owns;
 * 2. a private redis-server from --redis-server, REDIS_SERVER_BIN or PATH;
 * 3. a throwaway redis:7 container, if a Docker engine answers;
 * 4. otherwise an EnvironmentError naming the ways to get one.
 * A redis-server found on PATH that is too old gives way to Docker; one the
 * person chose explicitly is refused instead.
 */
export async function acquireRedis(options: AcquireRedisOptions = {}): Promise<AcquiredRedis> {
  const env = options.env ?? process.env;
  const url = options.url || env['REDIS_URL'];
  const common = {
    env,
    ...(options.extraConfig ? { extraConfig: options.extraConfig } : {}),
    ...(options.handleSignals !== undefined ? { handleSignals: options.handleSignals } : {}),
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
  };
  if (url) {
    // Exercises that need a server the tutor owns run on a private one beside it; no status line, it may start under the TUI.
    const beside = { env, ...(options.redisServerBin ? { redisServerBin: options.redisServerBin } : {}), ...(options.extraConfig ? { extraConfig: options.extraConfig } : {}), ...(options.handleSignals !== undefined ? { handleSignals: options.handleSignals } : {}) };
    return connectToUrl(url, { beside, ...(options.ownershipFile ? { ownershipFile: options.ownershipFile } : {}) });
  }

  const found = findRedisServer({ ...(options.redisServerBin ? { explicitPath: options.redisServerBin } : {}), env });
  let tooOldOnPath: { version: string; path: string } | undefined;
  if (found) {
    const version = await readBinaryVersion(found.path);
    if (found.source !== 'path' || isSupportedVersion(version)) return startPrivateServer({ ...common, redisServerBin: found.path });
    tooOldOnPath = { version, path: found.path };
  }

  const docker = options.docker === false ? undefined : await findAnsweringDocker(env);
  if (docker) return startDockerServer({ ...common, dockerBinary: docker });
  if (tooOldOnPath) assertSupportedVersion(tooOldOnPath.version, `redis-server at ${tooOldOnPath.path}`);
  throw noRedisAvailableError({ dockerTried: options.docker !== false });
}
