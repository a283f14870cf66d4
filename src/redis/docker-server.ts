import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EnvironmentError } from '../errors.js';
import { configLineToArgs } from './config-line-args.js';
import { connect } from './connect.js';
import { registerExitCleanup } from './exit-cleanup.js';
import { spawnExitGuard, type ExitGuard } from './exit-guard.js';
import { findOnPath } from './find-redis-server.js';
import { freeLoopbackPort } from './free-port.js';
import { PRIVATE_SERVER_MAXMEMORY } from './private-server-config.js';
import { readServerIdentity } from './server-info.js';
import { productName, readServerProduct, type ServerProduct } from './server-identity.js';
import { assertSupportedVersion } from './server-version.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec, type RedisTarget } from './target.js';
import { waitForPing } from './wait-for-ping.js';

export const DOCKER_IMAGE = 'redis:7';
const HOST = '127.0.0.1';
const PORT_ATTEMPTS = 5;

/**
 * The same safety settings as the private server, as arguments. protected-mode
 * is off because connections arrive through Docker's NAT, not from loopback;
 * the port is published on 127.0.0.1 only, so nothing outside reaches it.
 */
export function containerServerArgs(extraConfig: readonly string[]): string[] {
  return [
    'redis-server',
    '--save', '',
    '--appendonly', 'no',
    '--maxmemory', PRIVATE_SERVER_MAXMEMORY,
    '--maxmemory-policy', 'noeviction',
    '--enable-debug-command', 'no',
    '--enable-module-command', 'no',
    '--enable-protected-configs', 'no',
    '--protected-mode', 'no',
    ...extraConfig.flatMap(configLineToArgs),
  ];
}

/** The docker client, when `docker version` reaches an engine within timeoutMs; undefined otherwise. */
export async function findAnsweringDocker(env: NodeJS.ProcessEnv, timeoutMs = 2_000): Promise<string | undefined> {
  const docker = findOnPath('docker', env);
  if (!docker) return undefined;
  const result = await run(docker, ['version', '--format', '{{.Server.Version}}'], env, timeoutMs);
  return result.ok && result.stdout.trim() !== '' ? docker : undefined;
}

export interface StartDockerServerOptions {
  dockerBinary: string;
  env?: NodeJS.ProcessEnv;
  extraConfig?: readonly string[];
  handleSignals?: boolean;
  onStatus?: (message: string) => void;
  choosePort?: () => Promise<number>;
  image?: string;
}

/** A throwaway container the tutor started; removed on release, on exit and (by the exit guard) when the tutor is killed. */
export class DockerRedisTarget implements RedisTarget {
  readonly kind = 'docker' as const;
  readonly owned = true;
  readonly spec: ConnectionSpec;
  private released: Promise<void> | undefined;

  constructor(
    readonly containerName: string,
    readonly image: string,
    readonly version: string,
    readonly product: ServerProduct,
    port: number,
    private readonly dockerBinary: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly guard: ExitGuard,
    private readonly unregisterExitCleanup: () => void,
  ) {
    this.spec = { host: HOST, port, db: 0, tls: false };
  }

  readonly control = { restartable: false, why: 'redis-tutor does not restart its Docker container; quit and start again' } as const;

  describe(): string {
    return `docker ${this.image} (${productName(this.product)}) container ${this.containerName} on ${HOST}:${this.spec.port}`;
  }

  release(): Promise<void> {
    this.released ??= (async () => {
      const removed = await run(this.dockerBinary, ['rm', '-f', this.containerName], this.env, 60_000);
      // If removal failed, the guard keeps its orders and tries again when the tutor exits.
      if (removed.ok) await this.guard.dismiss();
      this.unregisterExitCleanup();
    })();
    return this.released;
  }
}

export async function startDockerServer(options: StartDockerServerOptions): Promise<DockerRedisTarget> {
  const env = options.env ?? process.env;
  const image = options.image ?? DOCKER_IMAGE;
  const choosePort = options.choosePort ?? freeLoopbackPort;
  const name = `redis-tutor-${process.pid}-${randomBytes(4).toString('hex')}`;
  // The guard learns the name before the container exists, so there is no moment when the tutor could die unguarded.
  const guard = spawnExitGuard({ container: { name, dockerBinary: options.dockerBinary }, env });
  // Removing a container cannot be done synchronously at exit; the exit guard does it once the tutor is gone.
  const unregister = registerExitCleanup({ cleanUpNow: () => undefined }, { handleSignals: options.handleSignals ?? true });
  const giveUp = async (error: EnvironmentError): Promise<never> => {
    await run(options.dockerBinary, ['rm', '-f', name], env, 60_000);
    await guard.dismiss();
    unregister();
    throw error;
  };

  options.onStatus?.(`starting a ${image} container (the first time, Docker downloads the image)...`);
  let port = await choosePort();
  for (let attempt = 1; ; attempt++) {
    const started = await run(
      options.dockerBinary,
      ['run', '-d', '--rm', '--name', name, '--label', 'redis-tutor=1', '-p', `${HOST}:${port}:6379`, image, ...containerServerArgs(options.extraConfig ?? [])],
      env,
      300_000,
    );
    if (started.ok) break;
    const portTaken = /port is already allocated|address already in use/i.test(started.stderr);
    if (!portTaken || attempt >= PORT_ATTEMPTS) {
      return giveUp(new EnvironmentError(`docker could not start a ${image} container: ${started.stderr.trim() || started.error}`, 'Check `docker run --rm redis:7` by hand, or install redis-server, or pass --url.'));
    }
    await run(options.dockerBinary, ['rm', '-f', name], env, 60_000);
    port = await choosePort();
  }

  const ready = await waitForPing({ host: HOST, port, timeoutMs: 30_000, intervalMs: 25 });
  if (ready !== 'ready') {
    return giveUp(new EnvironmentError(`the ${image} container ${name} did not answer PING on ${HOST}:${port} within 30 s.`, 'Look at `docker logs` for it, or install redis-server, or pass --url.'));
  }
  const spec: ConnectionSpec = { host: HOST, port, db: 0, tls: false };
  let version: string;
  let product: ServerProduct;
  try {
    const redis = await connect(spec, { name: CHECKER_CLIENT_NAME, reconnect: false });
    try {
      version = (await readServerIdentity(redis)).version;
      product = await readServerProduct(redis);
    } finally {
      redis.disconnect();
    }
    assertSupportedVersion(version, `the ${image} container`);
  } catch (error) {
    return giveUp(error instanceof EnvironmentError ? error : new EnvironmentError(`the ${image} container ${name} answered PING but not INFO.`, 'Install redis-server or pass --url.', { cause: error }));
  }
  return new DockerRedisTarget(name, image, version, product, port, options.dockerBinary, env, guard, unregister);
}

interface RunResult {
  ok: boolean;
  stdout: string;
  stderr: string;
  error: string;
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(binary, args, { env, timeout: timeoutMs }, (error, stdout, stderr) => {
      resolve({ ok: error === null, stdout: String(stdout), stderr: String(stderr), error: error?.message ?? '' });
    });
  });
}
