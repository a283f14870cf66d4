import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The `sentinel` profile of docker-compose.yml, read as data: which service is
 * the master, which replicate it, and what each sentinel's config says. No
 * Docker engine runs where the tests run, so this is what they can check,
 * and what they start again on the tutor's own processes.
 */
export interface ComposeService {
  image?: string;
  command?: string | string[];
  ports?: unknown[];
  profiles?: string[];
  depends_on?: unknown;
}

export interface SentinelMonitor {
  masterHost: string;
  masterPort: number;
  quorum: number;
  downAfterMs: number;
  failoverTimeoutMs: number;
}

export const composeServices = (
  parse(readFileSync(join(import.meta.dirname, '../../docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService> }
).services;

export const PROFILE = 'sentinel';

export const profileServices = Object.entries(composeServices).filter(([, service]) => service.profiles?.includes(PROFILE));

const commandText = (service: ComposeService) => (Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? ''));

export const isSentinel = (service: ComposeService) => /--sentinel\b|redis-sentinel/.test(commandText(service));

/** `--replicaof HOST PORT` on a data node's command line, or undefined for a master. */
export function replicaOf(service: ComposeService): { host: string; port: number } | undefined {
  const match = /--replicaof\s+(\S+)\s+(\d+)/.exec(commandText(service));
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
}

/** What a sentinel's generated sentinel.conf monitors; throws when a line is missing. */
export function sentinelMonitor(service: ComposeService): SentinelMonitor {
  const text = commandText(service);
  const monitor = /^\s*sentinel monitor mymaster (\S+) (\d+) (\d+)\s*$/m.exec(text);
  const downAfter = /^\s*sentinel down-after-milliseconds mymaster (\d+)\s*$/m.exec(text);
  const failoverTimeout = /^\s*sentinel failover-timeout mymaster (\d+)\s*$/m.exec(text);
  if (!monitor || !downAfter || !failoverTimeout) throw new Error(`a sentinel without monitor, down-after-milliseconds or failover-timeout: ${text}`);
  return {
    masterHost: monitor[1]!,
    masterPort: Number(monitor[2]),
    quorum: Number(monitor[3]),
    downAfterMs: Number(downAfter[1]),
    failoverTimeoutMs: Number(failoverTimeout[1]),
  };
}
