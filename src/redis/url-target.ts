import { connect } from './connect.js';
import { formatAddress, parseRedisUrl } from './connection-url.js';
import { ownedBeside, type BesideOptions, type OwnedBesideHandle } from './owned-beside.js';
import { claimIfEmpty } from './ownership.js';
import { readServerIdentity } from './server-info.js';
import { productName, readServerProduct, redisProduct, type ServerProduct } from './server-identity.js';
import { assertSupportedVersion } from './server-version.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec, type OwnedBeside, type RedisTarget } from './target.js';
import { preflightUrl } from './url-preflight.js';

/** A Redis someone else runs (--url / REDIS_URL). The tutor never stops it and resets only what it claimed (./ownership.ts). */
export class UrlRedisTarget implements RedisTarget {
  readonly kind = 'url' as const;
  readonly owned = false;
  readonly control = { restartable: false, why: 'the server at --url is not redis-tutor\'s to restart' } as const;

  readonly ownedBeside: OwnedBeside;

  constructor(
    readonly spec: ConnectionSpec,
    readonly version: string,
    readonly product: ServerProduct = redisProduct(version),
    private readonly beside: OwnedBesideHandle = ownedBeside(),
  ) {
    this.ownedBeside = beside.beside;
  }

  describe(): string {
    const where = `${this.spec.tls ? 'rediss' : 'redis'}://${formatAddress(this.spec)}/${this.spec.db}`;
    return `${productName(this.product)} at ${where} (from --url)`;
  }

  /** The server at --url is not ours to stop; the private one beside it (if started) is. */
  release(): Promise<void> {
    return this.beside.release();
  }
}

/**
 * Checks the URL (something answers as Redis in the protocol the scheme
 * says, credentials, database, permissions, version) so mistakes surface at
 * start-up with a clear message, and claims the database if it is empty.
 * `beside`: how to start the private server for exercises that need one the
 * tutor owns (default: redis-server from REDIS_SERVER_BIN or PATH).
 */
export async function connectToUrl(url: string, options: { ownershipFile?: string; beside?: BesideOptions } = {}): Promise<UrlRedisTarget> {
  const spec = parseRedisUrl(url);
  await preflightUrl(spec);
  const redis = await connect(spec, { name: CHECKER_CLIENT_NAME, reconnect: false });
  try {
    const { version } = await readServerIdentity(redis);
    assertSupportedVersion(version, `the Redis at ${formatAddress(spec)}`);
    const target = new UrlRedisTarget(spec, version, await readServerProduct(redis), ownedBeside(options.beside));
    await claimIfEmpty(target, { connection: redis, ...(options.ownershipFile ? { recordFile: options.ownershipFile } : {}) });
    return target;
  } finally {
    redis.disconnect();
  }
}
