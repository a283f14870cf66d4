import type { Language } from '../course/schema.js';
import { formatAddress } from '../redis/connection-url.js';
import { productName, serverBinaryName, type ServerKind, type ServerProduct } from '../redis/server-identity.js';
import type { RedisTarget, TargetKind } from '../redis/target.js';

/**
 * The Redis in use as data, so the status line can say it in the learner's
 * language. RedisTarget.describe() stays English for the CLI and the logs.
 */
export interface RedisWhere {
  kind: TargetKind;
  /** Redis or Valkey: what the server says it is (INFO server); Redis when not known. */
  server?: ServerKind;
  /** The product's own version: 8.0.1 on Valkey 8.0.1 (whose redis_version says 7.2.4). */
  version: string;
  /** `127.0.0.1:41234`; for --url the whole URL without credentials, `redis://host:6379/0`. */
  address: string;
}

/** Without `product` (a target that never asked), the server is taken for the Redis of `version`. */
export function redisWhere(target: Pick<RedisTarget, 'kind' | 'version' | 'spec'> & { product?: ServerProduct }): RedisWhere {
  const product = target.product ?? { kind: 'redis', version: target.version };
  const address = formatAddress(target.spec);
  const named = { kind: target.kind, server: product.kind, version: product.version };
  if (target.kind === 'url') return { ...named, address: `${target.spec.tls ? 'rediss' : 'redis'}://${address}/${target.spec.db}` };
  return { ...named, address };
}

/**
 * One line for the status line: `private redis-server 7.0.15 on 127.0.0.1:41234`,
 * `Valkey 8.0.1 at redis://host:6379/0 (from --url)` / `собственный valkey-server 8.0.1 на 127.0.0.1:41234`.
 */
export function describeRedis(where: RedisWhere, language: Language): string {
  const { address } = where;
  const kind = where.server ?? 'redis';
  const binary = `${serverBinaryName(kind)} ${where.version}`;
  const product = productName({ kind, version: where.version });
  if (language === 'ru') {
    switch (where.kind) {
      case 'private':
        return `собственный ${binary} на ${address}`;
      case 'docker':
        return `${product} в Docker на ${address}`;
      case 'url':
        return `${product} по адресу ${address} (из --url)`;
    }
  }
  switch (where.kind) {
    case 'private':
      return `private ${binary} on ${address}`;
    case 'docker':
      return `${product} in Docker on ${address}`;
    case 'url':
      return `${product} at ${address} (from --url)`;
  }
}
