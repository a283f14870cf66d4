import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BugError, EnvironmentError } from '../errors.js';
import { within } from '../lib/async.js';
import { readBinaryVersion } from './binary-version.js';
import { registerExitCleanup } from './exit-cleanup.js';
import { spawnExitGuard, type ExitGuard } from './exit-guard.js';
import { findRedisServer } from './find-redis-server.js';
import { freeLoopbackPort } from './free-port.js';
import { noRedisAvailableError } from './no-redis-error.js';
import { effectivePassword, privateServerConfig } from './private-server-config.js';
import { askServerProduct, redisProduct, serverBinaryName, type ServerProduct } from './server-identity.js';
import { assertSupportedVersion } from './server-version.js';
import type { ConnectionSpec, RedisTarget, ServerControl, ServerExit } from './target.js';
import { waitForPing } from './wait-for-ping.js';

export interface StartPrivateServerOptions {
  /** `--redis-server PATH`; otherwise REDIS_SERVER_BIN from env, otherwise PATH. */
  redisServerBin?: string;
  env?: NodeJS.ProcessEnv;
  /** redis.conf lines added after the defaults (and so overriding them). */
  extraConfig?: readonly string[];
  /** Clean up and exit 130/143 on SIGINT/SIGTERM (default true). Pass false when the caller owns Ctrl-C. */
  handleSignals?: boolean;
  /** Progress for people ("starting redis-server 7.0.15..."); never required. */
  onStatus?: (message: string) => void;
  /** Where ports come from; a test uses it to hand out a taken port first. */
  choosePort?: () => Promise<number>;
  /**
   * redis.conf lines that need a free port of their own (a cluster node's bus
   * port): chosen again with every new port, since a taken one may be either,
   * and kept across restarts, since other nodes know it.
   */
  portConfig?: () => Promise<readonly string[]>;
  startTimeoutMs?: number;
  /** requirepass for this server; otherwise a random one. Servers of one topology share one, so replicas and sentinels can log in to each other. */
  password?: string;
  /** Make the server's directory inside this folder (a topology's throwaway folder) instead of the system temp folder. */
  parentDir?: string;
  /** Arguments after the config file (`--sentinel`). */
  extraArgs?: readonly string[];
}

const PORT_ATTEMPTS = 5;
/** 128 bits, as hex: nothing in redis.conf needs quoting, and nobody guesses it. */
const PASSWORD_BYTES = 16;
const OUTPUT_TAIL_BYTES = 4_096;
const HOST = '127.0.0.1';
/** What Redis loads at start-up from its dir: dump.rdb, an AOF (7.x: appendonlydir/, 6.x: appendonly.aof), and a save in progress. */
const PERSISTENCE_FILE = /\.(rdb|aof)$|^appendonlydir$/;

/** One redis-server process with its directory and its exit guard. */
interface RunningServer {
  child: ChildProcess;
  port: number;
  /** The lines portConfig gave for this start. */
  portConfig: readonly string[];
  dir: string;
  guard: ExitGuard;
  exited: Promise<ServerExit>;
  hasExited(): boolean;
  output(): string;
  unregisterExitCleanup(): void;
}

/**
 * A redis-server the tutor started for itself: loopback only, a random
 * password, no persistence, a throwaway directory, gone when the tutor is
 * gone (see ./exit-guard.ts).
 *
 * The password is made once per target and kept across restarts, so that
 * `spec` always holds the current one: connections that reconnect on their
 * own (ioredis) and the sandbox baseline (which puts requirepass back) stay right.
 */
export class PrivateRedisTarget implements RedisTarget {
  readonly kind = 'private' as const;
  readonly owned = true;
  readonly spec: ConnectionSpec;
  private released: Promise<void> | undefined;
  private busy: Promise<void> = Promise.resolve();
  private identified: ServerProduct | undefined;
  private readonly exitListeners = new Set<(exit: ServerExit) => void>();

  constructor(
    readonly binary: string,
    readonly version: string,
    private server: RunningServer,
    private readonly settings: ServerSettings,
  ) {
    const password = effectivePassword(settings.password, settings.extraConfig);
    this.spec = { host: HOST, port: server.port, db: 0, tls: false, ...(password !== undefined ? { password } : {}) };
    this.watch(server);
  }

  /** pid of the current redis-server process (changes on restart). */
  get pid(): number {
    return this.server.child.pid ?? -1;
  }

  readonly control: ServerControl = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the control object speaks for this target, including its changing pid
    const target = this;
    return {
      restartable: true as const,
      restart: (options?: { keepData?: boolean }) => target.restart(options),
      onUnexpectedExit: (listener: (exit: ServerExit) => void) => target.onUnexpectedExit(listener),
      get pid() {
        return target.pid;
      },
      kill: () => {
        if (target.isRunning()) killQuietly(target.pid);
      },
      hasPersistenceFiles: () => target.hasPersistenceFiles(),
    };
  })();

  /** The server's `dir` (a new one on restart(), the same on restart({ keepData: true }); removed on release). */
  get dir(): string {
    return this.server.dir;
  }

  /** Redis or Valkey: what the running server says (until identify(), the Redis of the binary's version). */
  get product(): ServerProduct {
    return this.identified ?? redisProduct(this.version);
  }

  /** Asks the server what it is: a Valkey binary may be called redis-server, so the binary's name and version do not tell. */
  async identify(): Promise<void> {
    this.identified = await askServerProduct(this.spec, this.version);
  }

  describe(): string {
    return `private ${serverBinaryName(this.product.kind)} ${this.product.version} on ${HOST}:${this.spec.port}`;
  }

  isRunning(): boolean {
    return !this.server.hasExited();
  }

  /** Called when redis-server exits without the tutor asking (SHUTDOWN, a crash). Returns an unsubscribe. */
  onUnexpectedExit(listener: (exit: ServerExit) => void): () => void {
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /**
   * A fresh, empty server in a fresh directory, on the same port when it is
   * still free (so open connections can reconnect), else on a new one (spec.port changes).
   *
   * With `keepData`, a crash and a restart instead: the server is SIGKILLed
   * (nothing is saved on the way down) and a new one starts in the same
   * directory, so it loads what was saved there (dump.rdb) as a real restart
   * does. The directory stays guarded throughout: the old server's exit guard
   * is dismissed only once the new server has its own.
   */
  restart(options: { keepData?: boolean } = {}): Promise<void> {
    if (this.released) return Promise.reject(new BugError('restart() on a private Redis that was already released.'));
    const run = this.busy.then(async () => {
      const old = this.server;
      if (options.keepData) {
        await killServer(old);
        this.server = await launchWithRetries(this.binary, this.version, { ...this.settings, firstPort: old.port, firstPortConfig: old.portConfig, dir: old.dir });
        // The new server's guard and exit cleanup cover the directory now. (If the start failed, the old ones still do, until release().)
        await old.guard.dismiss();
        old.unregisterExitCleanup();
      } else {
        await stopServer(old);
        this.server = await launchWithRetries(this.binary, this.version, { ...this.settings, firstPort: old.port, firstPortConfig: old.portConfig });
      }
      this.spec.port = this.server.port;
      this.watch(this.server);
    });
    this.busy = run.catch(() => undefined);
    return run;
  }

  /** True when the server's directory holds something a restart with keepData would load (an RDB or AOF file). */
  hasPersistenceFiles(): boolean {
    try {
      return readdirSync(this.server.dir).some((name) => PERSISTENCE_FILE.test(name));
    } catch {
      return false;
    }
  }

  release(): Promise<void> {
    this.released ??= this.busy.then(() => stopServer(this.server));
    return this.released;
  }

  private watch(server: RunningServer): void {
    void server.exited.then((exit) => {
      if (server.child === this.server.child && !stopping.has(server)) {
        for (const listener of this.exitListeners) listener(exit);
      }
    });
  }
}

/** Starts a private redis-server; safe to call several times in parallel (the grader does). */
export async function startPrivateServer(options: StartPrivateServerOptions = {}): Promise<PrivateRedisTarget> {
  const env = options.env ?? process.env;
  const found = findRedisServer({ ...(options.redisServerBin ? { explicitPath: options.redisServerBin } : {}), env });
  if (!found) throw noRedisAvailableError();
  const version = await readBinaryVersion(found.path);
  assertSupportedVersion(version, `redis-server at ${found.path}`);
  options.onStatus?.(`starting redis-server ${version}...`);
  const settings: ServerSettings = {
    env,
    extraConfig: options.extraConfig ?? [],
    // Every local user can reach 127.0.0.1: only the tutor, and what it hands the password to, gets in.
    password: options.password ?? randomBytes(PASSWORD_BYTES).toString('hex'),
    parentDir: options.parentDir ?? tmpdir(),
    extraArgs: options.extraArgs ?? [],
    handleSignals: options.handleSignals ?? true,
    startTimeoutMs: options.startTimeoutMs ?? 10_000,
    choosePort: options.choosePort ?? freeLoopbackPort,
    portConfig: options.portConfig ?? (() => Promise.resolve([])),
  };
  const server = await launchWithRetries(found.path, version, settings);
  const target = new PrivateRedisTarget(found.path, version, server, settings);
  await target.identify();
  return target;
}

/** What every start of one target's server shares, restarts included. */
type ServerSettings = {
  env: NodeJS.ProcessEnv;
  extraConfig: readonly string[];
  /** requirepass; see PrivateRedisTarget for why it outlives restarts. */
  password: string;
  parentDir: string;
  extraArgs: readonly string[];
  handleSignals: boolean;
  startTimeoutMs: number;
  choosePort: () => Promise<number>;
  portConfig: () => Promise<readonly string[]>;
};

type LaunchSettings = ServerSettings & {
  firstPort?: number;
  firstPortConfig?: readonly string[];
  /** Start in this existing directory (a restart that keeps the data) instead of a new one. */
  dir?: string;
};

async function launchWithRetries(binary: string, version: string, settings: LaunchSettings): Promise<RunningServer> {
  let port = settings.firstPort ?? (await settings.choosePort());
  let portConfig = settings.firstPortConfig ?? (await settings.portConfig());
  for (let attempt = 1; ; attempt++) {
    const outcome = await launchOnce(binary, version, { port, portConfig }, settings);
    if (outcome !== 'port-taken') return outcome;
    // Someone took the port between our probe and redis-server's bind: ask for another.
    if (attempt >= PORT_ATTEMPTS) {
      throw new EnvironmentError(
        `redis-server could not bind a free port on ${HOST} after ${PORT_ATTEMPTS} tries.`,
        'Something is grabbing ports quickly; try again, or pass --url to use a Redis you started.',
      );
    }
    port = await settings.choosePort();
    portConfig = await settings.portConfig();
  }
}

async function launchOnce(
  binary: string,
  version: string,
  { port, portConfig }: { port: number; portConfig: readonly string[] },
  settings: LaunchSettings,
): Promise<RunningServer | 'port-taken'> {
  // A given dir belongs to a server being restarted with its data: a failed start must not delete it.
  const dir = settings.dir ?? mkdtempSync(join(settings.parentDir, 'redis-tutor-'));
  const configFile = join(dir, 'redis.conf');
  // The file holds the password: the 0700 directory already hides it, 0600 says so too.
  writeFileSync(configFile, privateServerConfig({ version, port, dir, password: settings.password, extraConfig: [...settings.extraConfig, ...portConfig] }), { mode: 0o600 });

  // detached: its own session, so the terminal's Ctrl-C reaches the tutor (which may want it) and not the server.
  const child = spawn(binary, [configFile, ...settings.extraArgs], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: settings.env });
  const guard = spawnExitGuard({ ...(child.pid !== undefined ? { pid: child.pid } : {}), dir, env: settings.env });

  let tail = '';
  let exitedFlag = false;
  const keepTail = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_BYTES);
  };
  // Keep draining: a full pipe would block redis-server's logging.
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', keepTail);
    (stream as { unref?: () => void } | null)?.unref?.();
  }
  child.unref();
  const outputClosed = Promise.all(
    [child.stdout, child.stderr].map((stream) => new Promise<void>((resolve) => (stream ? stream.once('close', () => resolve()) : resolve()))),
  );
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      keepTail(Buffer.from(error.message));
      resolve({ code: null, signal: null });
    });
  });
  void exited.then(() => {
    exitedFlag = true;
    guard.forgetProcess();
  });

  const unregisterExitCleanup = registerExitCleanup(
    {
      cleanUpNow() {
        if (!exitedFlag && child.pid !== undefined) killQuietly(child.pid);
        rmSync(dir, { recursive: true, force: true });
        guard.dismissNow();
      },
    },
    { handleSignals: settings.handleSignals },
  );

  const server: RunningServer = {
    child,
    port,
    portConfig,
    dir,
    guard,
    exited,
    hasExited: () => exitedFlag,
    output: () => tail,
    unregisterExitCleanup,
  };

  const outcome = await waitForPing({ host: HOST, port, timeoutMs: settings.startTimeoutMs, gaveUp: () => exitedFlag, abandon: exited });
  if (outcome === 'ready') return server;

  await stopServer(server, { removeDir: settings.dir === undefined });
  // 'exit' can come before the last output: read it all before deciding why the start failed.
  await within(outputClosed, 500);
  if (/address already in use/i.test(tail)) return 'port-taken';
  const output = tail.trim() === '' ? '' : `\n${tail.trim()}`;
  throw new EnvironmentError(
    outcome === 'timeout'
      ? `redis-server (${binary}) did not answer PING on ${HOST}:${port} within ${settings.startTimeoutMs} ms.${output}`
      : `redis-server (${binary}) exited while starting.${output}`,
    'Check that this redis-server runs on its own (`redis-server --port 0` should start), or pass --url to use a Redis you started.',
  );
}

const stopping = new WeakSet<RunningServer>();

/**
 * SIGKILL rather than SHUTDOWN/SIGTERM: there is nothing to save (no
 * persistence, and the directory is deleted next), and it cannot hang.
 * `removeDir: false` when the directory is not the server's alone (a failed
 * start in the directory of a server restarted with its data).
 */
async function stopServer(server: RunningServer, options: { removeDir: boolean } = { removeDir: true }): Promise<void> {
  await killServer(server);
  if (options.removeDir) rmSync(server.dir, { recursive: true, force: true });
  await server.guard.dismiss();
  server.unregisterExitCleanup();
}

/** SIGKILL, as a crash: the server saves nothing on the way down. Its directory, guard and exit cleanup stay. */
async function killServer(server: RunningServer): Promise<void> {
  stopping.add(server);
  if (!server.hasExited() && server.child.pid !== undefined) killQuietly(server.child.pid);
  await within(server.exited, 5_000);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
