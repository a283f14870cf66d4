import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { LoadedExercise } from '../course/schema.js';
import { openChecker } from '../redis/checker.js';
import { connect } from '../redis/connect.js';
import { CHECKER_CLIENT_NAME, type RedisTarget } from '../redis/target.js';
import { tlsLabOf } from '../redis/tls-lab.js';
import { Attempt } from './attempt.js';
import type { AttemptEvent } from './attempt-events.js';
import { execPipeline } from './checker-pipeline.js';
import { parseCommandLine } from './command-line.js';
import type { ConnectLearner } from './learner-connection.js';
import { LearnerClient } from './learner-client.js';
import { closeConnection, reopenConnection } from './reopen-connection.js';
import { Sandbox, type ResetReport, type SandboxOptions } from './sandbox.js';
import { adoptTutorUser, dropTutorUser, forgetTutorUser, type TutorCredentials } from './tutor-credentials.js';
import { TutorSubscriber } from './tutor-subscriber.js';
import { isErrorValue } from './value.js';

export interface EngineOptions {
  /** How the learner's RESP connection is made (src/resp/connection.ts in the product). */
  connectLearner: ConnectLearner;
  /** --force: reset a --url database that holds keys the tutor did not create. */
  force?: boolean;
  /** Where --url ownership claims are kept (tests use a temporary file). */
  ownershipFile?: string;
}

export interface StartAttemptOptions {
  onEvent?: (event: AttemptEvent) => void;
  /** A learner watches (the TUI): actors wait their `delay` before acting. */
  paced?: boolean;
  /** Go on from the sandbox as the last attempt left it (a project stage's later steps): no reset. */
  keepSandbox?: boolean;
}

/**
 * The engine for one Redis target: the tutor's checker (with an ACL user of
 * its own), the sandbox baseline, the learner's connection and, when an
 * exercise needs it, the tutor's subscriber. Open once per session; start an
 * attempt per exercise. It never prints.
 */
export class Engine {
  private subscriber: TutorSubscriber | undefined;
  private lastReset: ResetReport | undefined;
  /** A `!restart` happened: the server is not the fresh one the baseline was taken on. */
  private restartedWithData = false;

  private constructor(
    readonly target: RedisTarget,
    readonly checker: Redis,
    readonly learner: LearnerClient,
    private sandbox: Sandbox,
    private readonly sandboxOptions: SandboxOptions,
    private readonly credentials: TutorCredentials | undefined,
  ) {}

  static async open(target: RedisTarget, options: EngineOptions): Promise<Engine> {
    const checker = await openChecker(target);
    try {
      const credentials = await adoptTutorUser(checker);
      const sandboxOptions: SandboxOptions = {
        ...(options.force !== undefined ? { force: options.force } : {}),
        ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
      };
      try {
        const sandbox = await Sandbox.open(target, checker, sandboxOptions);
        return new Engine(target, checker, new LearnerClient(target.spec, options.connectLearner), sandbox, sandboxOptions, credentials);
      } catch (error) {
        // Refused (a --url database with keys that are not the tutor's): the user made for this engine goes too.
        if (credentials) await dropTutorUser(checker, credentials);
        throw error;
      }
    } catch (error) {
      checker.disconnect();
      throw error;
    }
  }

  /** The most recent sandbox reset (bench reports its time). */
  get lastResetReport(): ResetReport | undefined {
    return this.lastReset;
  }

  /** A clean sandbox, the tutor listening for the exercise's published checks, and the setup run. */
  async startAttempt(exercise: LoadedExercise, options: StartAttemptOptions = {}): Promise<Attempt> {
    const resetStarted = performance.now();
    if (options.keepSandbox !== true) await this.resetSandbox();
    // A TLS lab (requires: { tls: true }): a tls-port on the sandbox for this exercise; the next reset closes it.
    if (typeof exercise.requires === 'object' && exercise.requires.tls === true) await tlsLabOf(this.target)?.open(this.checker);
    const channels = exercise.checks.flatMap((check) => (check.kind === 'published' ? [check.channel] : []));
    const subscriber = channels.length > 0 || this.subscriber ? await this.ensureSubscriber() : undefined;
    await subscriber?.listen(channels);
    const resetMs = performance.now() - resetStarted;

    const setupStarted = performance.now();
    const replies = await execPipeline(this.checker, exercise.setupLines.map((line) => parseCommandLine(line.text)));
    const failed = replies.findIndex(isErrorValue);
    if (failed >= 0) {
      const line = exercise.setupLines[failed];
      const reply = replies[failed];
      throw new Error(`setup line "${line?.text}" of ${exercise.id} failed: ${isErrorValue(reply) ? reply.message : ''}`);
    }
    // Messages the setup published are not the learner's.
    await subscriber?.clear();
    const setupMs = performance.now() - setupStarted;

    return new Attempt(exercise, { resetMs, setupMs }, {
      checker: this.checker,
      learner: this.learner,
      subscriber: channels.length > 0 ? subscriber : undefined,
      restartServer: () => this.crashAndRestart(),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      ...(options.paced ? { paced: true } : {}),
    });
  }

  /** Puts the server back to how the tutor found it and refreshes the learner's connection. */
  async resetSandbox(): Promise<ResetReport> {
    const started = performance.now();
    // Before the config is restored: with a TLS port on, Redis refuses to empty the certificate settings.
    await tlsLabOf(this.target)?.close(this.checker);
    // What a SAVE, an AOF or a `!restart` left on disk would come back at the next restart: a fresh server (the baseline) instead.
    const control = this.target.control;
    const restartedServer = control.restartable && (this.restartedWithData || control.hasPersistenceFiles());
    if (restartedServer) {
      await this.withRestart(() => control.restart());
      this.sandbox = await Sandbox.open(this.target, this.checker, this.sandboxOptions);
      this.restartedWithData = false;
    }
    // The learner's connection is kept if it is alive; if not, it is made after the restore (the learner may have set requirepass).
    const keep = this.learner.clientId;
    const report = await this.sandbox.reset(keep === undefined ? [] : [keep]);
    // After the server side: RESET logs the connection in as `default`, which must be restored first.
    await this.learner.reset();
    this.lastReset = { ...report, ms: performance.now() - started, ...(restartedServer ? { restartedServer } : {}) };
    return this.lastReset;
  }

  /** What the last reset left behind compared with the baseline (validate's third rule). */
  leftovers(): Promise<string[]> {
    return this.sandbox.leftovers();
  }

  async close(): Promise<void> {
    await this.learner.close().catch(() => undefined);
    this.subscriber?.close();
    this.subscriber = undefined;
    await this.sandbox.release();
    if (this.credentials) await dropTutorUser(this.checker, this.credentials);
    this.checker.disconnect();
  }

  /**
   * `!restart` in an actor: the server crashes (SIGKILL, nothing saved on the
   * way down) and starts again in the same directory with what was saved.
   * Only a server the tutor started itself can do that. Says what happened,
   * for the actor's event.
   */
  async crashAndRestart(): Promise<string> {
    const control = this.target.control;
    if (!control.restartable) throw new Error(`the server cannot be restarted: ${control.why}`);
    this.restartedWithData = true;
    await this.withRestart(() => control.restart({ keepData: true }));
    const loaded = /^rdb_last_load_keys_loaded:(\d+)/m.exec(await this.checker.info('persistence'))?.[1];
    return loaded === undefined ? 'restarted' : `restarted, ${loaded} key(s) loaded`;
  }

  /**
   * A restart, and everything that talks to the server brought back: the
   * checker and the subscriber are closed first (reconnecting on their own,
   * they would log in as the tutor's user, which the new server does not
   * know: ACL users live in memory), then opened again, the tutor's user
   * re-created with the same name and password (so the subscriber and the
   * sandbox baseline still hold), and the learner reconnected.
   */
  private async withRestart(restart: () => Promise<void>): Promise<void> {
    await closeConnection(this.checker);
    await this.subscriber?.suspend();
    await restart();
    const { port } = this.target.spec;
    forgetTutorUser(this.checker, this.target.spec);
    await reopenConnection(this.checker, port);
    if (this.credentials && !(await adoptTutorUser(this.checker, this.credentials))) {
      throw new Error("the restarted server refused to re-create the tutor's ACL user");
    }
    await this.subscriber?.resume(port);
    await this.learner.reconnect();
  }

  private async ensureSubscriber(): Promise<TutorSubscriber> {
    if (!this.subscriber) {
      const spec = this.credentials ? { ...this.target.spec, username: this.credentials.username, password: this.credentials.password } : this.target.spec;
      this.subscriber = new TutorSubscriber(await connect(spec, { name: CHECKER_CLIENT_NAME, reconnect: true }));
    }
    return this.subscriber;
  }
}
