/**
 * Which server the tutor talks to — Redis or Valkey, and which version — and
 * which commands it knows, so the tutor names it right and can tell which
 * exercises it runs.
 */
import { execFile } from 'node:child_process';
import type { Redis } from 'ioredis';
import { connect } from './connect.js';
import type { ConnectionSpec } from './target.js';

export type ServerKind = 'redis' | 'valkey';

export interface ServerProduct {
  kind: ServerKind;
  /** The product's own version: redis_version on Redis, valkey_version on Valkey ("8.0.1"). */
  version: string;
  /** redis_version: on Valkey the Redis version it stays compatible with (7.2.4 on Valkey 7.2 to 8.x). */
  redisVersion: string;
}

/** What Valkey reports as redis_version when nothing else says (Valkey keeps it at 7.2.x for compatibility). */
const VALKEY_REDIS_COMPAT_VERSION = '7.2.4';

/**
 * The product from the text of INFO server. Valkey prints redis_version first
 * (7.2.4, for clients that check it) and then server_name:valkey and
 * valkey_version, so the first version line alone would say "Redis".
 */
export function parseServerProduct(infoServer: string): ServerProduct {
  const field = (name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(infoServer)?.[1]?.trim() ?? '';
  const redisVersion = field('redis_version');
  const valkeyVersion = field('valkey_version');
  if (field('server_name').toLowerCase() === 'valkey' || valkeyVersion !== '') {
    return { kind: 'valkey', version: valkeyVersion || redisVersion, redisVersion };
  }
  return { kind: 'redis', version: redisVersion, redisVersion };
}

/**
 * The product from `redis-server --version` ("Redis server v=7.0.15 sha=..."),
 * for when there is no server to ask yet; Valkey's binaries print "Valkey server v=8.0.1".
 */
export function productFromBinaryOutput(output: string): ServerProduct | undefined {
  const match = /\b(Redis|Valkey) server v=(\d+\.\d+\.\d+)/i.exec(output);
  if (!match?.[1] || !match[2]) return undefined;
  const version = match[2];
  return match[1].toLowerCase() === 'valkey'
    ? { kind: 'valkey', version, redisVersion: VALKEY_REDIS_COMPAT_VERSION }
    : { kind: 'redis', version, redisVersion: version };
}

/** A server whose product is all the tutor knows by its version (e.g. a binary that printed only v=...). */
export function redisProduct(version: string): ServerProduct {
  return { kind: 'redis', version, redisVersion: version };
}

/** "Redis 7.0.15", "Valkey 8.0.1". */
export function productName(product: Pick<ServerProduct, 'kind' | 'version'>): string {
  return `${product.kind === 'valkey' ? 'Valkey' : 'Redis'} ${product.version}`;
}

/** The server binary of the product, as people name a private server: redis-server, valkey-server. */
export function serverBinaryName(kind: ServerKind): string {
  return kind === 'valkey' ? 'valkey-server' : 'redis-server';
}

export async function readServerProduct(redis: Redis): Promise<ServerProduct> {
  return parseServerProduct(await redis.info('server'));
}

/**
 * Asks a server that just started what it is, on a connection of its own; a
 * server that will not say is taken for the Redis its binary's version names.
 */
export async function askServerProduct(spec: ConnectionSpec, binaryVersion: string): Promise<ServerProduct> {
  try {
    const redis = await connect(spec, { name: 'redis-tutor:identity', reconnect: false });
    try {
      return await readServerProduct(redis);
    } finally {
      redis.disconnect();
    }
  } catch {
    return redisProduct(binaryVersion);
  }
}

/**
 * Which of `names` the server knows, by COMMAND INFO (one round trip). Names
 * are upper case; a subcommand is asked as `container|sub`, which servers
 * before 7.0 do not answer (such a name counts as unknown there).
 */
export async function readCommandAvailability(redis: Redis, names: readonly string[]): Promise<Record<string, boolean>> {
  const wanted = [...new Set(names.map(commandKey))];
  if (wanted.length === 0) return {};
  const reply: unknown = await redis.call('COMMAND', 'INFO', ...wanted.map((name) => name.toLowerCase()));
  const entries = Array.isArray(reply) ? reply : [];
  return Object.fromEntries(wanted.map((name, index) => [name, entries[index] !== null && entries[index] !== undefined]));
}

/** How requirements name a command: upper case, a subcommand after `|` ("CLIENT NO-TOUCH" -> "CLIENT|NO-TOUCH"); as commandKey() of ../course/requirement-fit.ts. */
export function commandKey(name: string): string {
  return name.trim().toUpperCase().replace(/\s+/, '|');
}

/**
 * The product, whether the tutor owns the server, and the commands asked
 * about: what decides which exercises run. The same shape as ServerFacts in
 * ../course/requirement-fit.ts, which judges them (the course layer cannot
 * import this one).
 */
export interface ServerFacts extends ServerProduct {
  owned: boolean;
  /** By commandKey(); a command not listed was not asked about and is not held against the server. */
  commands: Record<string, boolean>;
}

export async function readServerFacts(redis: Redis, options: { owned: boolean; commands: readonly string[] }): Promise<ServerFacts> {
  const [product, commands] = await Promise.all([readServerProduct(redis), readCommandAvailability(redis, options.commands)]);
  return { ...product, owned: options.owned, commands };
}

/** The product a server binary says it is (`--version`), without starting it; undefined when it does not say. */
export function readBinaryProduct(binary: string): Promise<ServerProduct | undefined> {
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { timeout: 5_000 }, (_error, stdout) => resolve(productFromBinaryOutput(String(stdout))));
  });
}
