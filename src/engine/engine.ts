import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { LoadedExercise } from '../course/schema.js';
import { openChecker } from '../redis/checker.js';
import { connect } from '../redis/connect.js';
import { CHECKER_CLIENT_NAME, type RedisTarget } from '../redis/target.js';
import { Attempt } from './attempt.js';
import type { AttemptEvent } from './attempt-events.js';
import { execPipeline } from './checker-pipeline.js';
import { parseCommandLine } from './command-line.js';
import type { ConnectLearner } from './learner-connection.js';
import { LearnerSession } from './learner-session.js';
import { Sandbox, type ResetReport } from './sandbox.js';
import { adoptTutorUser, dropTutorUser, type TutorCredentials } from './tutor-credentials.js';
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

  private constructor(
    readonly target: RedisTarget,
    readonly checker: Redis,
    readonly learner: LearnerSession,
    private readonly sandbox: Sandbox,
    private readonly credentials: TutorCredentials | undefined,
  ) {}

  static async open(target: RedisTarget, options: EngineOptions): Promise<Engine> {
    const checker = await openChecker(target);
    try {
      const credentials = await adoptTutorUser(checker);
      const sandbox = await Sandbox.open(target, checker, {
        ...(options.force !== undefined ? { force: options.force } : {}),
        ...(options.ownershipFile !== undefined ? { ownershipFile: options.ownershipFile } : {}),
      });
      return new Engine(target, checker, new LearnerSession(target.spec, options.connectLearner), sandbox, credentials);
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
    await this.resetSandbox();
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
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    });
  }

  /** Puts the server back to how the tutor found it and refreshes the learner's connection. */
  async resetSandbox(): Promise<ResetReport> {
    const started = performance.now();
    // The learner's connection is kept if it is alive; if not, it is made after the restore (the learner may have set requirepass).
    const keep = this.learner.clientId;
    const report = await this.sandbox.reset(keep === undefined ? [] : [keep]);
    // After the server side: RESET logs the connection in as `default`, which must be restored first.
    await this.learner.reset();
    this.lastReset = { ...report, ms: performance.now() - started };
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
    if (this.credentials) await dropTutorUser(this.checker, this.credentials);
    this.checker.disconnect();
  }

  private async ensureSubscriber(): Promise<TutorSubscriber> {
    if (!this.subscriber) {
      const spec = this.credentials ? { ...this.target.spec, username: this.credentials.username, password: this.credentials.password } : this.target.spec;
      this.subscriber = new TutorSubscriber(await connect(spec, { name: CHECKER_CLIENT_NAME, reconnect: true }));
    }
    return this.subscriber;
  }
}
