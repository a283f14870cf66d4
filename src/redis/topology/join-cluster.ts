import type { Redis } from 'ioredis';
import { connect } from '../connect.js';
import type { ConnectionSpec } from '../target.js';
import { infoField, replicaLinkUp, waitForNodes } from './topology-readiness.js';

/** Hash slots in a Redis Cluster. */
const SLOTS = 16_384;

interface Member {
  name: string;
  spec: ConnectionSpec;
}

/**
 * Joins started cluster nodes the way `redis-cli --cluster create
 * --cluster-replicas N` does, for exercises that begin with a working
 * cluster: the first nodes become masters with the slots split evenly, each
 * of the others replicates one master in turn, all meet through the first.
 * Done with plain CLUSTER commands (ADDSLOTS and MEET with a bus port read from
 * CLUSTER NODES work on 6.2 and 7.x alike), so no redis-cli is needed.
 */
export async function joinCluster(members: readonly Member[], replicasPerMaster: number, timeoutMs: number): Promise<void> {
  const masterCount = members.length / (1 + replicasPerMaster);
  const connections = await Promise.all(members.map((member) => connect(member.spec, { name: 'redis-tutor:topology', reconnect: false })));
  try {
    const selves = await Promise.all(connections.map(readMyself));
    await Promise.all(
      connections.map(async (redis, index) => {
        // A distinct epoch per node up front, so the masters do not have to settle a collision first.
        await redis.call('CLUSTER', 'SET-CONFIG-EPOCH', String(index + 1));
        if (index < masterCount) await redis.call('CLUSTER', 'ADDSLOTS', ...slotRange(index, masterCount));
      }),
    );
    // Everyone meets the first node; gossip tells them about each other.
    const first = connections[0];
    for (const self of selves.slice(1)) await first?.call('CLUSTER', 'MEET', '127.0.0.1', String(self.port), String(self.busPort));
    await waitForNodes(members, knowsAll(members.length), 'meet the other cluster nodes', timeoutMs);
    await Promise.all(
      connections.slice(masterCount).map((redis, index) => redis.call('CLUSTER', 'REPLICATE', selves[index % masterCount]?.id ?? '')),
    );
    await waitForNodes(members.slice(masterCount), replicaLinkUp, 'finish its sync with its master', timeoutMs);
    await waitForNodes(members, clusterOk, 'see the cluster as ok', timeoutMs);
  } finally {
    for (const redis of connections) redis.disconnect();
  }
}

/** The slots of master `index` of `count`, as ADDSLOTS arguments: an even split, the last taking the remainder. */
export function slotRange(index: number, count: number): string[] {
  const size = Math.floor(SLOTS / count);
  const start = index * size;
  const end = index === count - 1 ? SLOTS - 1 : start + size - 1;
  return Array.from({ length: end - start + 1 }, (_, offset) => String(start + offset));
}

/** The node's id and ports from its own line of CLUSTER NODES: `<id> <ip>:<port>@<cport> myself,master ...`. */
async function readMyself(redis: Redis): Promise<{ id: string; port: number; busPort: number }> {
  const nodes = (await redis.call('CLUSTER', 'NODES')) as string;
  const line = nodes.split('\n').find((candidate) => candidate.split(' ')[2]?.split(',').includes('myself'));
  const match = /^(\S+) [^:]*:(\d+)@(\d+)/.exec(line ?? '');
  if (!match) throw new Error(`unexpected CLUSTER NODES reply: ${nodes}`);
  return { id: match[1] ?? '', port: Number(match[2]), busPort: Number(match[3]) };
}

function knowsAll(count: number) {
  return async (redis: Redis) => Number(infoField((await redis.call('CLUSTER', 'INFO')) as string, 'cluster_known_nodes')) === count;
}

async function clusterOk(redis: Redis): Promise<boolean> {
  return infoField((await redis.call('CLUSTER', 'INFO')) as string, 'cluster_state') === 'ok';
}
