/**
 * The `cli` subcommand's flags, read the way redis-cli 7.0 reads them.
 * No -h/-p/-u means "use the tutor's private server".
 */
import { UserError } from '../errors.js';
import { parseRedisUrl } from '../redis/connection-url.js';
import type { OutputMode } from '../redis-cli/format.js';
import { strtol } from '../redis-cli/repeat.js';
import { parseClusterCommand, type ClusterCommand } from './cluster/cluster-args.js';

export interface CliOptions {
  /** Where to connect; undefined means the private server. */
  explicitTarget: { host: string; port: number; tls: boolean } | undefined;
  user: string | undefined;
  password: string | undefined;
  db: number;
  resp3: boolean;
  mode: OutputMode;
  /** RESP3 pushes are printed: stdout is a terminal, or FAKETTY is set. */
  pushOutput: boolean;
  authWarning: boolean;
  /** Words of a one-shot command (`redis-tutor cli get foo`); empty for the REPL. */
  command: string[];
  redisServerBin: string | undefined;
  /** `-c`: follow MOVED and ASK redirections. */
  clusterMode: boolean;
  /** `--cluster <subcommand> ...`: the cluster manager instead of a session. */
  cluster: ClusterCommand | undefined;
}

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_PORT = 6379;

export function parseCliOptions(
  options: Record<string, unknown>,
  operands: readonly string[],
  context: { stdoutIsTty: boolean; env: NodeJS.ProcessEnv },
): CliOptions {
  const text = (name: string): string | undefined => {
    const value = options[name];
    return typeof value === 'string' ? value : undefined;
  };
  const url = text('u');
  const fromUrl = url !== undefined ? parseRedisUrl(url) : undefined;
  const host = text('h');
  const port = text('p');
  const explicit = url !== undefined || host !== undefined || port !== undefined;
  const explicitTarget = explicit
    ? {
        host: host ?? fromUrl?.host ?? DEFAULT_HOST,
        port: port !== undefined ? atoi(port) : (fromUrl?.port ?? DEFAULT_PORT),
        tls: fromUrl?.tls ?? false,
      }
    : undefined;
  if (explicitTarget !== undefined && (explicitTarget.port <= 0 || explicitTarget.port > 65535) && port !== undefined) {
    throw new UserError(`-p ${port} is not a port.`, 'Give a port between 1 and 65535, e.g. -p 6379.');
  }
  const clusterName = text('cluster');
  const cluster = clusterName !== undefined ? parseClusterCommand(clusterName, operands, options, context.env) : undefined;
  // redis-cli reads REDISCLI_AUTH only when no password was given, and does not warn about it.
  const commandLinePassword = cluster?.password ?? text('a') ?? fromUrl?.password;
  const password = commandLinePassword ?? nonEmpty(context.env['REDISCLI_AUTH']);
  const db = text('n') !== undefined ? atoi(text('n') as string) : (fromUrl?.db ?? 0);
  const fakeTty = context.env['FAKETTY'] !== undefined;
  const raw = options['raw'];
  const mode: OutputMode = raw === true ? 'raw' : raw === false ? 'standard' : context.stdoutIsTty || fakeTty ? 'standard' : 'raw';
  return {
    explicitTarget,
    user: cluster?.user ?? text('user') ?? fromUrl?.username,
    password,
    db,
    resp3: options['3'] === true,
    mode,
    pushOutput: context.stdoutIsTty || fakeTty,
    authWarning: options['authWarning'] !== false && cluster?.noAuthWarning !== true && commandLinePassword !== undefined,
    command: cluster !== undefined ? [] : [...operands],
    redisServerBin: text('redisServer'),
    clusterMode: options['c'] === true,
    cluster,
  };
}

export const AUTH_WARNING = "Warning: Using a password with '-a' or '-u' option on the command line interface may not be safe.\n";

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** glibc atoi, as redis-cli reads -p and -n. */
function atoi(value: string): number {
  return Number(BigInt.asIntN(32, strtol(Buffer.from(value, 'utf8')).value));
}
