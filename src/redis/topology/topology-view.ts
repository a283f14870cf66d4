import { errorMessage } from '../../errors.js';
import { within } from '../../lib/async.js';
import { connect } from '../connect.js';
import type { ConnectionSpec } from '../target.js';
import type { Topology, TopologyNode } from './topology.js';
import { infoField } from './topology-readiness.js';
import { SENTINEL_MASTER_NAME, type NodeRole } from './topology-spec.js';

/** What a node is now, by its own word (ROLE): after a failover a declared replica is a master. */
export type LiveRole =
  | { kind: 'master'; replicas: string[] }
  | { kind: 'replica'; master: string; link: string }
  | { kind: 'sentinel'; master: string | undefined };

export type NodeView = {
  name: string;
  declared: NodeRole;
  address: string;
} & (
  | { state: 'up'; live: LiveRole; cluster?: { state: string; knownNodes: number } }
  | { state: 'down' }
  | { state: 'paused' }
  | { state: 'not-answering'; reason: string }
);

/** A node that does not answer in this long is shown as such; the panel must never hang on a partitioned node. */
const ASK_TIMEOUT_MS = 1_000;

/**
 * The topology as the data panel shows it: every node, whether it runs, and
 * what it says it is. Asked of every node at once, each on a connection of
 * its own that is closed after (a sentinel reconfiguring a server closes its
 * clients' connections anyway).
 */
export function readTopologyView(topology: Topology): Promise<NodeView[]> {
  return Promise.all(topology.nodes.map((node) => readNode(node, topology.isPaused(node.name))));
}

async function readNode(node: TopologyNode, paused: boolean): Promise<NodeView> {
  const { spec } = node.target;
  const base = { name: node.name, declared: node.role, address: `${spec.host}:${spec.port}` };
  if (!node.target.isRunning()) return { ...base, state: 'down' };
  if (paused) return { ...base, state: 'paused' };
  const asked = await within(ask(spec, node.role), 2 * ASK_TIMEOUT_MS);
  if (asked.kind === 'done') return { ...base, state: 'up', ...asked.value };
  return { ...base, state: 'not-answering', reason: asked.kind === 'timeout' ? `no answer within ${2 * ASK_TIMEOUT_MS} ms` : errorMessage(asked.error) };
}

async function ask(spec: ConnectionSpec, role: NodeRole): Promise<{ live: LiveRole; cluster?: { state: string; knownNodes: number } }> {
  const redis = await connect(spec, { name: 'redis-tutor:topology', reconnect: false, connectTimeoutMs: ASK_TIMEOUT_MS });
  try {
    const reply = (await redis.call('ROLE')) as unknown[];
    const live = parseRole(reply, role === 'sentinel' ? await redis.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME) : undefined);
    if (role !== 'cluster-node') return { live };
    const info = (await redis.call('CLUSTER', 'INFO')) as string;
    return { live, cluster: { state: infoField(info, 'cluster_state') ?? '?', knownNodes: Number(infoField(info, 'cluster_known_nodes') ?? 0) } };
  } finally {
    redis.disconnect();
  }
}

/** ROLE's three shapes: [master, offset, [[ip, port, offset]...]], [slave, ip, port, state, offset], [sentinel, [names]]. */
export function parseRole(reply: unknown[], sentinelMaster?: unknown): LiveRole {
  const [kind] = reply;
  if (kind === 'master') {
    const replicas = Array.isArray(reply[2]) ? (reply[2] as unknown[]) : [];
    return { kind: 'master', replicas: replicas.flatMap((entry) => (Array.isArray(entry) ? [`${String(entry[0])}:${String(entry[1])}`] : [])) };
  }
  if (kind === 'slave') return { kind: 'replica', master: `${String(reply[1])}:${String(reply[2])}`, link: String(reply[3]) };
  const address = Array.isArray(sentinelMaster) && sentinelMaster.length === 2 ? `${String(sentinelMaster[0])}:${String(sentinelMaster[1])}` : undefined;
  return { kind: 'sentinel', master: address };
}
