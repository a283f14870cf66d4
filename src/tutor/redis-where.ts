import type { Language } from '../course/schema.js';
import { formatAddress } from '../redis/connection-url.js';
import type { RedisTarget, TargetKind } from '../redis/target.js';

/**
 * The Redis in use as data, so the status line can say it in the learner's
 * language. RedisTarget.describe() stays English for the CLI and the logs.
 */
export interface RedisWhere {
  kind: TargetKind;
  version: string;
  /** `127.0.0.1:41234`; for --url the whole URL without credentials, `redis://host:6379/0`. */
  address: string;
}

export function redisWhere(target: Pick<RedisTarget, 'kind' | 'version' | 'spec'>): RedisWhere {
  const address = formatAddress(target.spec);
  if (target.kind === 'url') return { kind: 'url', version: target.version, address: `${target.spec.tls ? 'rediss' : 'redis'}://${address}/${target.spec.db}` };
  return { kind: target.kind, version: target.version, address };
}

/** One line for the status line: `private redis-server 7.0.15 on 127.0.0.1:41234` / `собственный redis-server 7.0.15 на 127.0.0.1:41234`. */
export function describeRedis(where: RedisWhere, language: Language): string {
  const { version, address } = where;
  if (language === 'ru') {
    switch (where.kind) {
      case 'private':
        return `собственный redis-server ${version} на ${address}`;
      case 'docker':
        return `Redis ${version} в Docker на ${address}`;
      case 'url':
        return `Redis ${version} по адресу ${address} (из --url)`;
    }
  }
  switch (where.kind) {
    case 'private':
      return `private redis-server ${version} on ${address}`;
    case 'docker':
      return `Redis ${version} in Docker on ${address}`;
    case 'url':
      return `Redis ${version} at ${address} (from --url)`;
  }
}
