import { Engine } from '../engine/engine.js';
import type { ConnectLearner } from '../engine/learner-connection.js';
import { Supervisor, type Repair } from '../engine/supervisor.js';
import { startPrivateServer } from '../redis/private-server.js';
import type { ConnectionSpec, RedisTarget } from '../redis/target.js';
import { connectToUrl } from '../redis/url-target.js';

export interface LaneOptions {
  url?: string;
  redisServerBin?: string;
  env: NodeJS.ProcessEnv;
  force?: boolean;
  ownershipFile?: string;
  connectLearner: ConnectLearner;
  /** Clean up servers and programs on SIGINT/SIGTERM (the CLI: yes; tests: no). */
  handleSignals: boolean;
}

/**
 * redis.conf lines of the grader's private servers, on top of the private
 * server's own (no persistence, DEBUG and MODULE off, CONFIG SET dir refused,
 * maxmemory). A script running longer than this gets BUSY replies for
 * others and can be stopped with SCRIPT KILL (lua-time-limit is the name
 * both 6.2 and 7.x read).
 */
export const GRADER_SERVER_CONFIG = ['lua-time-limit 500'] as const;

/**
 * One Redis the grader works on, kept working by its supervisor. --jobs N
 * opens N lanes, each with its own private server.
 */
export class GradingLane {
  private constructor(
    readonly target: RedisTarget,
    readonly supervisor: Supervisor,
  ) {}

  /** A lane on a server and supervisor opened elsewhere (validate's); their owner closes them, not the lane. */
  static over(supervisor: Supervisor): GradingLane {
    return new GradingLane(supervisor.target, supervisor);
  }

  static async open(options: LaneOptions): Promise<GradingLane> {
    const target = options.url
      ? await connectToUrl(options.url, {
          ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
          beside: { env: options.env, extraConfig: GRADER_SERVER_CONFIG, handleSignals: options.handleSignals, ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}) },
        })
      : await startPrivateServer({
          env: options.env,
          extraConfig: GRADER_SERVER_CONFIG,
          handleSignals: options.handleSignals,
          ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}),
        });
    try {
      return new GradingLane(target, await Supervisor.open(target, { openEngine: (on) => openEngine(on, options) }));
    } catch (error) {
      await target.release();
      throw error;
    }
  }

  get engine(): Engine {
    return this.supervisor.engine;
  }

  /** Where a program answer connects: the sandbox as the learner sees it. */
  learnerSpec(): ConnectionSpec {
    return this.target.spec;
  }

  /** The sandbox with the tutor's own credentials (they survive requirepass and ACL changes to default). */
  tutorSpec(): ConnectionSpec {
    const { username, password } = this.engine.checker.options;
    return { ...this.target.spec, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
  }

  ensureHealthy(): Promise<Repair> {
    return this.supervisor.ensureHealthy();
  }

  async close(): Promise<void> {
    await this.supervisor.close();
    await this.target.release();
  }
}

function openEngine(target: RedisTarget, options: LaneOptions): Promise<Engine> {
  return Engine.open(target, {
    connectLearner: options.connectLearner,
    ...(options.force !== undefined ? { force: options.force } : {}),
    ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
  });
}
