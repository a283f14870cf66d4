import { Socket } from 'node:net';
import { EnvironmentError, errorMessage } from '../errors.js';
import { sleep, within } from '../lib/async.js';
import type { ConnectionSpec, RedisTarget, ServerExit } from '../redis/target.js';
import { execPipeline } from './checker-pipeline.js';
import type { Engine } from './engine.js';
import { isErrorValue } from './value.js';

/** What a PING found: an answer, BUSY (a script past its time limit), or nothing. */
export type ServerHealth = 'ok' | 'busy' | 'down';

/** What killScript() did: killed it (and with which command), could not (it wrote already), or found none running. */
export type ScriptKill = { outcome: 'killed'; by: 'SCRIPT KILL' | 'FUNCTION KILL' } | { outcome: 'unkillable' } | { outcome: 'not-running' };

/** What ensureHealthy() had to do: nothing, or bring back a server that had stopped or hung. */
export type Repair = 'healthy' | 'stopped' | 'hung';

export interface SupervisorOptions {
  /** Opens an engine on the target (again after a restart). */
  openEngine: (target: RedisTarget) => Promise<Engine>;
  /**
   * How many times to try opening an engine when recovering a server the
   * tutor cannot restart (--url, Docker): it may come back by itself.
   * Default 1 (grade: fail at once); the TUI waits longer.
   */
  reconnectAttempts?: number;
}

/** Longer than lua-time-limit (500 ms on the grader's servers), so a running script answers BUSY in time. */
const PING_TIMEOUT_MS = 1_000;
const RUNAWAY_TIMEOUT_MS = 1_000;
/** A checker that is reconnecting on its own (CLIENT KILL) gets this long before the PING. */
const RECONNECT_WAIT_MS = 1_000;
const CLOSE_TIMEOUT_MS = 1_000;
const OPEN_TIMEOUT_MS = 10_000;
/** A server the tutor cannot restart comes back (docker restart, a failover) in seconds: knock once a second. */
const REOPEN_PAUSE_MS = 1_000;
/** A freshly restarted private server can still be loading its data: a few tries cover it. */
const RESTARTED_OPEN_ATTEMPTS = 3;

/**
 * Keeps a working engine on one Redis target, whatever an answer or a
 * learner did to the server: it tells a healthy server from a busy, stopped
 * or hung one, stops runaways, and restarts the server when the target's
 * control says it may (else reconnects). The one recovery path for the TUI,
 * grade and validate.
 */
export class Supervisor {
  /** Set when the server exited without the tutor asking (SHUTDOWN, a crash, the memory watchdog). */
  private serverStopped = false;
  private readonly lostListeners = new Set<(exit: ServerExit) => void>();
  private readonly unsubscribeExit: () => void;
  private besideSupervisor: Promise<Supervisor> | undefined;
  /** A lab's supervisor (see openOn): one run, then thrown away with its servers, which actors may kill on purpose. */
  private disposable = false;

  private constructor(
    readonly target: RedisTarget,
    private currentEngine: Engine,
    private readonly options: SupervisorOptions,
  ) {
    const control = target.control;
    this.unsubscribeExit = control.restartable
      ? control.onUnexpectedExit((exit) => {
          if (this.disposable) return;
          this.serverStopped = true;
          for (const listener of this.lostListeners) listener(exit);
        })
      : () => undefined;
  }

  static async open(target: RedisTarget, options: SupervisorOptions): Promise<Supervisor> {
    return new Supervisor(target, await openBounded(target, options), options);
  }

  get engine(): Engine {
    return this.currentEngine;
  }

  /**
   * Where an exercise that needs a server the tutor owns runs: here when it
   * owns this one, else on the private server beside it (opened on first use,
   * closed with this supervisor); undefined when none can be started.
   */
  owned(): Promise<Supervisor | undefined> {
    if (this.target.owned) return Promise.resolve(this);
    const beside = this.target.ownedBeside;
    if (beside?.available !== true) return Promise.resolve(undefined);
    this.besideSupervisor ??= beside.start().then((target) => Supervisor.open(target, this.options));
    this.besideSupervisor.catch(() => (this.besideSupervisor = undefined));
    return this.besideSupervisor;
  }

  /**
   * A supervisor like this one on a lab's entry node (./topology/topology-lab.ts),
   * for one run: an actor may kill that node on purpose (a failover lab), so its
   * exit is not a loss and nothing is repaired; the caller closes it and stops the lab.
   */
  async openOn(target: RedisTarget): Promise<Supervisor> {
    const supervisor = await Supervisor.open(target, this.options);
    supervisor.disposable = true;
    return supervisor;
  }

  /** Called when a server the tutor runs exits unasked. Returns an unsubscribe. */
  onServerLost(listener: (exit: ServerExit) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** Whether a PING is answered in time, after waiting briefly for a checker that is reconnecting (CLIENT KILL). */
  async health(): Promise<ServerHealth> {
    if (this.serverStopped) return 'down';
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

  /** Stops what an answer may have left running: a Lua script or function, a CLIENT PAUSE. */
  async stopRunaways(): Promise<void> {
    await within(execPipeline(this.currentEngine.checker, [['SCRIPT', 'KILL'], ['FUNCTION', 'KILL'], ['CLIENT', 'UNPAUSE']]), RUNAWAY_TIMEOUT_MS);
  }

  /**
   * Ends a script or function that keeps the server busy, as a redis-cli user
   * would: SCRIPT KILL, else FUNCTION KILL. 'unkillable' when it has written
   * already (only SHUTDOWN NOSAVE or a restart ends it then).
   */
  async killScript(): Promise<ScriptKill> {
    const checker = this.currentEngine.checker;
    for (const kind of ['SCRIPT', 'FUNCTION'] as const) {
      const [reply] = await execPipeline(checker, [[kind, 'KILL']]).catch(() => []);
      if (reply === 'OK') return { outcome: 'killed', by: `${kind} KILL` };
      if (isErrorValue(reply) && reply.message.startsWith('UNKILLABLE')) return { outcome: 'unkillable' };
    }
    return { outcome: 'not-running' };
  }

  /**
   * Makes sure the next exercise starts on a server that answers: cheap when
   * all is well (one PING), otherwise stops runaways, and as a last resort
   * recovers. Says why it had to: the server was gone (SHUTDOWN, a crash) or
   * it was there but did not answer.
   */
  async ensureHealthy(): Promise<Repair> {
    if (this.disposable) return 'healthy';
    let cause: 'stopped' | 'hung' = 'stopped';
    if (!this.serverStopped) {
      const state = await this.health();
      if (state === 'ok') return 'healthy';
      // BUSY: a script past lua-time-limit, which SCRIPT KILL / FUNCTION KILL may end. No answer at all
      // (CLIENT PAUSE, lua-time-limit 0): only a restart helps.
      if (state === 'busy') {
        await this.stopRunaways();
        if ((await this.health()) === 'ok') return 'healthy';
      }
      // The exit event of a server that shut down can lag behind its closed port on a loaded machine.
      cause = this.serverStopped || (await refusesConnections(this.target.spec)) ? 'stopped' : 'hung';
    }
    await this.recover();
    return cause;
  }

  /**
   * Throws the engine away and opens a fresh one: on a restarted server when
   * the target may be restarted, else on the same server once it answers
   * again (up to reconnectAttempts tries).
   */
  async recover(): Promise<Engine> {
    const old = this.currentEngine;
    const control = this.target.control;
    // Stop the old checker's reconnects first: it would knock on the new server with a user that no longer exists.
    old.checker.disconnect();
    await within(old.close(), CLOSE_TIMEOUT_MS);
    if (control.restartable) {
      await control.restart();
      this.serverStopped = false;
    }
    const attempts = control.restartable ? RESTARTED_OPEN_ATTEMPTS : Math.max(1, this.options.reconnectAttempts ?? 1);
    this.currentEngine = await this.openWithRetries(attempts);
    return this.currentEngine;
  }

  /** SIGKILL for the server (the memory watchdog); the next ensureHealthy() restarts it. */
  killServer(): void {
    const control = this.target.control;
    if (control.restartable) control.kill();
  }

  async close(): Promise<void> {
    const beside = this.besideSupervisor;
    this.besideSupervisor = undefined;
    await beside?.then((supervisor) => supervisor.close(), () => undefined);
    this.unsubscribeExit();
    this.lostListeners.clear();
    await within(this.currentEngine.close(), CLOSE_TIMEOUT_MS);
    this.currentEngine.checker.disconnect();
  }

  private async openWithRetries(attempts: number): Promise<Engine> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        return await openBounded(this.target, this.options);
      } catch (error) {
        lastError = error;
        if (attempt < attempts) await sleep(REOPEN_PAUSE_MS);
      }
    }
    throw lastError instanceof Error ? lastError : new Error(errorMessage(lastError));
  }
}

async function openBounded(target: RedisTarget, options: SupervisorOptions): Promise<Engine> {
  const opened = await within(options.openEngine(target), OPEN_TIMEOUT_MS);
  if (opened.kind === 'done') return opened.value;
  if (opened.kind === 'failed') throw opened.error;
  throw new EnvironmentError(
    `the Redis (${target.describe()}) did not let redis-tutor in within ${OPEN_TIMEOUT_MS / 1000} s.`,
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
