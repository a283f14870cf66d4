import type { Redis } from 'ioredis';
import { EnvironmentError, errorMessage } from '../../errors.js';
import { sleep } from '../../lib/async.js';
import { connect } from '../connect.js';
import type { ConnectionSpec } from '../target.js';
import { SENTINEL_MASTER_NAME } from './topology-spec.js';

const POLL_INTERVAL_MS = 100;

/** One `field:value` of an INFO reply. */
export function infoField(info: string, field: string): string | undefined {
  const line = info.split(/\r?\n/).find((candidate) => candidate.startsWith(`${field}:`));
  return line?.slice(field.length + 1).trim();
}

/** A flat [name, value, name, value, ...] reply (SENTINEL MASTER) as a record. */
export function pairsToRecord(reply: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!Array.isArray(reply)) return record;
  for (let index = 0; index + 1 < reply.length; index += 2) record[String(reply[index])] = String(reply[index + 1]);
  return record;
}

/** The replica has finished its first sync and is connected to its master. */
export async function replicaLinkUp(redis: Redis): Promise<boolean> {
  return infoField(await redis.info('replication'), 'master_link_status') === 'up';
}

/** The sentinel monitors the master, sees all its replicas and all the other sentinels (so it can vote in a failover). */
export function sentinelSeesGroup(expected: { replicas: number; sentinels: number }) {
  return async (redis: Redis): Promise<boolean> => {
    const master = pairsToRecord(await redis.call('SENTINEL', 'MASTER', SENTINEL_MASTER_NAME));
    return (
      master.flags === 'master' &&
      Number(master['num-slaves']) >= expected.replicas &&
      Number(master['num-other-sentinels']) >= expected.sentinels - 1
    );
  };
}

/**
 * Polls each node until `ready` says yes, on one connection per node, all
 * nodes at once. No event says "the replica is in sync" or "the sentinels
 * found each other"; sentinels announce themselves every 2 s, so this takes
 * a few seconds on their part.
 */
export async function waitForNodes(
  nodes: readonly { name: string; spec: ConnectionSpec }[],
  ready: (redis: Redis) => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await Promise.all(
    nodes.map(async (node) => {
      const redis = await connect(node.spec, { name: 'redis-tutor:topology', reconnect: false });
      let lastError = '';
      try {
        for (;;) {
          try {
            if (await ready(redis)) return;
          } catch (error) {
            lastError = ` (last answer: ${errorMessage(error)})`;
          }
          if (Date.now() > deadline) {
            throw new EnvironmentError(
              `${node.name} (127.0.0.1:${node.spec.port}) did not ${what} within ${timeoutMs} ms${lastError}.`,
              'The machine may be very busy; try again. If it keeps happening, run `redis-tutor doctor`.',
            );
          }
          await sleep(POLL_INTERVAL_MS);
        }
      } finally {
        redis.disconnect();
      }
    }),
  );
}
