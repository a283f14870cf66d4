import { Engine } from '../engine/engine.js';
import { execPipeline } from '../engine/checker-pipeline.js';
import type { ConnectLearner } from '../engine/learner-connection.js';
import { isErrorValue } from '../engine/value.js';
import { EnvironmentError } from '../errors.js';
import { startPrivateServer, type PrivateRedisTarget } from '../redis/private-server.js';
import type { ConnectionSpec } from '../redis/target.js';
import { connectToUrl, type UrlRedisTarget } from '../redis/url-target.js';
import { Socket } from 'node:net';
import { within } from '../lib/async.js';

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

/** How long the server may take to answer a PING before the lane gives up on it: longer than lua-time-limit, so a running script answers BUSY in time. */
const PING_TIMEOUT_MS = 1_000;
const RUNAWAY_TIMEOUT_MS = 1_000;
const RECONNECT_WAIT_MS = 1_000;
const CLOSE_TIMEOUT_MS = 1_000;
const OPEN_TIMEOUT_MS = 10_000;

/**
 * One Redis the grader works on and the engine on it. --jobs N opens N lanes,
 * each with its own private server. A lane can always be brought back to a
 * working state between exercises: stop what runs away, or restart its
 * private server and open a fresh engine, whatever an answer did.
 */
export class GradingLane {
  /** Set when redis-server exited without the lane asking (SHUTDOWN, a crash, the memory watchdog). */
  serverStopped = false;

  private constructor(
    readonly target: PrivateRedisTarget | UrlRedisTarget,
    private currentEngine: Engine,
    private readonly options: LaneOptions,
  ) {
    if (target.kind === 'private') target.onUnexpectedExit(() => (this.serverStopped = true));
  }

  static async open(options: LaneOptions): Promise<GradingLane> {
    const target = options.url
      ? await connectToUrl(options.url, options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {})
      : await startPrivateServer({
          env: options.env,
          extraConfig: GRADER_SERVER_CONFIG,
          handleSignals: options.handleSignals,
          ...(options.redisServerBin !== undefined ? { redisServerBin: options.redisServerBin } : {}),
        });
    try {
      return new GradingLane(target, await openEngine(target, options), options);
    } catch (error) {
      await target.release();
      throw error;
    }
  }

  get engine(): Engine {
    return this.currentEngine;
  }

  /** The redis-server pid to watch, when the lane started it. */
  get serverPid(): number | undefined {
    return this.target.kind === 'private' ? this.target.pid : undefined;
  }

  /** Where a program answer connects: the sandbox as the learner sees it. */
  learnerSpec(): ConnectionSpec {
    return this.target.spec;
  }

  /** The sandbox with the tutor's own credentials (they survive requirepass and ACL changes to default). */
  tutorSpec(): ConnectionSpec {
    const { username, password } = this.currentEngine.checker.options;
    return { ...this.target.spec, ...(username !== undefined ? { username } : {}), ...(password !== undefined ? { password } : {}) };
  }

  /** Stops what an answer may have left running: a blocked learner, a Lua script or function, a CLIENT PAUSE. */
  async stopRunaways(): Promise<void> {
    await within(
      execPipeline(this.currentEngine.checker, [['SCRIPT', 'KILL'], ['FUNCTION', 'KILL'], ['CLIENT', 'UNPAUSE']]),
      RUNAWAY_TIMEOUT_MS,
    );
  }

  /** Kills the private server at once (the memory watchdog); the next ensureHealthy restarts it. */
  killServer(): void {
    const pid = this.serverPid;
    if (pid === undefined || pid < 0) return;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }

  /**
   * Makes sure the next exercise starts on a server that answers: cheap when
   * all is well (one PING), otherwise stops runaways, and as a last resort
   * restarts the server. Says why it had to restart: the server was gone
   * (SHUTDOWN, a crash) or it was there but did not answer.
   */
  async ensureHealthy(): Promise<'healthy' | 'stopped' | 'hung'> {
    let cause: 'stopped' | 'hung' = 'stopped';
    if (!this.serverStopped) {
      const state = await this.probe();
      if (state === 'ok') return 'healthy';
      // BUSY: a script past lua-time-limit, which SCRIPT KILL / FUNCTION KILL may end. No answer at all
      // (CLIENT PAUSE, lua-time-limit 0): only a restart helps.
      if (state === 'busy') {
        await this.stopRunaways();
        if ((await this.probe()) === 'ok') return 'healthy';
      }
      // The exit event of a server that shut down can lag behind its closed port on a loaded machine.
      cause = this.serverStopped || (await refusesConnections(this.target.spec)) ? 'stopped' : 'hung';
    }
    await this.recover();
    return cause;
  }

  /** Throws the engine away and opens a fresh one, on a restarted server when the lane owns it. */
  async recover(): Promise<void> {
    const old = this.currentEngine;
    if (this.target.kind === 'private') {
      // Stop the old checker's reconnects first: it would knock on the new server with a user that no longer exists.
      old.checker.disconnect();
      await this.target.restart();
      this.serverStopped = false;
      await within(old.close(), CLOSE_TIMEOUT_MS);
    } else {
      await within(old.close(), CLOSE_TIMEOUT_MS);
      old.checker.disconnect();
    }
    this.currentEngine = await openEngine(this.target, this.options);
  }

  async close(): Promise<void> {
    await within(this.currentEngine.close(), CLOSE_TIMEOUT_MS);
    this.currentEngine.checker.disconnect();
    await this.target.release();
  }

  /** Whether a PING is answered in time, after waiting briefly for a checker that is reconnecting (CLIENT KILL). */
  private async probe(): Promise<'ok' | 'busy' | 'down'> {
    const checker = this.currentEngine.checker;
    if (checker.status !== 'ready') {
      await within(new Promise((resolve) => checker.once('ready', resolve)), RECONNECT_WAIT_MS);
    }
    const ping = await within(execPipeline(checker, [['PING']]), PING_TIMEOUT_MS);
    if (ping.kind !== 'done') return 'down';
    const [reply] = ping.value;
    if (reply === 'PONG') return 'ok';
    return isErrorValue(reply) && reply.message.startsWith('BUSY') ? 'busy' : 'down';
  }
}

async function openEngine(target: PrivateRedisTarget | UrlRedisTarget, options: LaneOptions): Promise<Engine> {
  const opened = await within(
    Engine.open(target, {
      connectLearner: options.connectLearner,
      ...(options.force !== undefined ? { force: options.force } : {}),
      ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
    }),
    OPEN_TIMEOUT_MS,
  );
  if (opened.kind === 'done') return opened.value;
  if (opened.kind === 'failed') throw opened.error;
  throw new EnvironmentError(
    `the Redis for grading (${target.describe()}) did not let the grader in within ${OPEN_TIMEOUT_MS / 1000} s.`,
    'Check that the server is running and answers; a private server (no --url) is restarted automatically.',
  );
}

/** True when nothing listens on the server's port any more (connection refused), as opposed to a server that is up but silent. */
function refusesConnections(spec: ConnectionSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (refused: boolean) => {
      socket.destroy();
      resolve(refused);
    };
    socket.setTimeout(PING_TIMEOUT_MS, () => done(false));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code === 'ECONNREFUSED'));
    socket.connect(spec.port, spec.host, () => done(false));
  });
}
