/**
 * A private redis-server beside a server the tutor does not own (--url), for
 * the exercises that need one it owns (FLUSHALL, SAVE, BGSAVE, AOF,
 * restarts): they run there, and the learner's server is never touched.
 * Started on first use only, stopped with the target it stands beside.
 */
import { errorMessage } from '../errors.js';
import { findRedisServer } from './find-redis-server.js';
import { startPrivateServer, type StartPrivateServerOptions } from './private-server.js';
import type { OwnedBeside, RedisTarget } from './target.js';

/** How the server beside is started: the options a private server of this run would get. */
export type BesideOptions = Pick<StartPrivateServerOptions, 'redisServerBin' | 'env' | 'extraConfig' | 'handleSignals'>;

export interface OwnedBesideHandle {
  readonly beside: OwnedBeside;
  /** Stops the server beside if it was started. Idempotent. */
  release(): Promise<void>;
}

/** Which redis-server would be started is decided now (a cheap look at PATH); starting it waits for the first exercise that needs it. */
export function ownedBeside(options: BesideOptions = {}): OwnedBesideHandle {
  const env = options.env ?? process.env;
  let found: string | undefined;
  try {
    found = findRedisServer({ ...(options.redisServerBin ? { explicitPath: options.redisServerBin } : {}), env })?.path;
  } catch (error) {
    return { beside: { available: false, why: errorMessage(error) }, release: () => Promise.resolve() };
  }
  if (found === undefined) return { beside: { available: false, why: 'no redis-server was found to start beside it' }, release: () => Promise.resolve() };

  let started: Promise<RedisTarget> | undefined;
  const redisServerBin = found;
  return {
    beside: {
      available: true,
      start: () => {
        started ??= startPrivateServer({ ...options, env, redisServerBin }).catch((error: unknown) => {
          // A failed start may be retried by the next exercise that needs it.
          started = undefined;
          throw error;
        });
        return started;
      },
    },
    release: async () => {
      const starting = started;
      started = undefined;
      if (starting) await starting.then((target) => target.release(), () => undefined);
    },
  };
}
