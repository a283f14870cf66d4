import { errorMessage } from '../../errors.js';
import { within } from '../../lib/async.js';
import { connect } from '../connect.js';
import type { ConnectionSpec } from '../target.js';
import type { Topology, TopologyNode } from './topology.js';
import { infoField, pairsToRecord } from './topology-readiness.js';
import { SENTINEL_MASTER_NAME, type NodeRole } from './topology-spec.js';

/** What a node is now, by its own word (ROLE): after a failover a declared replica is a master. */
export type LiveRole =
  | { kind: 'master'; replicas: string[]; offset?: number }
  | { kind: 'replica'; master: string; link: string; offset?: number }
  | { kind: 'sentinel'; master: string | undefined };

/** A replica as its master sees it (INFO replication's slaveN line): how far it got and how long since it acknowledged. */
export interface ReplicaLink {
  address: string;
  offset: number;
  /** Seconds since its last REPLCONF ACK. */
  lag: number;
}

/** What a sentinel knows of the master it monitors (SENTINEL MASTER). */
export interface SentinelKnowledge {
  otherSentinels: number;
  replicas: number;
}

export interface ClusterView {
  state: string;
  knownNodes: number;
}

/** What an answering node says besides its role. */
export interface NodeDetails {
  live: LiveRole;
  cluster?: ClusterView;
  /** A master's replicas, as it sees them. */
  links?: ReplicaLink[];
  sentinel?: SentinelKnowledge;
  /** A cluster node's slot ranges, from its own line of CLUSTER NODES (absent for a replica or an empty master). */
  slots?: string[];
}

export type NodeView = {
  name: string;
  declared: NodeRole;
  address: string;
} & (
  | ({ state: 'up' } & NodeDetails)
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

async function ask(spec: ConnectionSpec, role: NodeRole): Promise<NodeDetails> {
  const redis = await connect(spec, { name: 'redis-tutor:topology', reconnect: false, connectTimeoutMs: ASK_TIMEOUT_MS });
  try {
    const reply = (await redis.call('ROLE')) as unknown[];
    if (role === 'sentinel') {
      const live = parseRole(reply, await redis.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME));
      const master = pairsToRecord(await redis.call('SENTINEL', 'MASTER', SENTINEL_MASTER_NAME).catch(() => []));
      return { live, sentinel: { otherSentinels: Number(master['num-other-sentinels'] ?? 0), replicas: Number(master['num-slaves'] ?? 0) } };
    }
    const live = parseRole(reply);
    const links = live.kind === 'master' ? parseReplicaLinks((await redis.call('INFO', 'replication')) as string) : undefined;
    const withLinks = links && links.length > 0 ? { live, links } : { live };
    if (role !== 'cluster-node') return withLinks;
    const info = (await redis.call('CLUSTER', 'INFO')) as string;
    const slots = ownSlots((await redis.call('CLUSTER', 'NODES')) as string);
    const cluster: ClusterView = { state: infoField(info, 'cluster_state') ?? '?', knownNodes: Number(infoField(info, 'cluster_known_nodes') ?? 0) };
    return { ...withLinks, cluster, ...(slots.length > 0 ? { slots } : {}) };
  } finally {
    redis.disconnect();
  }
}

/** `slave0:ip=127.0.0.1,port=41235,state=online,offset=1234,lag=0` lines of INFO replication. */
export function parseReplicaLinks(info: string): ReplicaLink[] {
  return info.split(/\r?\n/).flatMap((line) => {
    const match = /^slave\d+:(.*)$/.exec(line.trim());
    if (!match?.[1]) return [];
    const fields = Object.fromEntries(match[1].split(',').map((pair) => pair.split('=') as [string, string]));
    return [{ address: `${fields.ip ?? '?'}:${fields.port ?? '?'}`, offset: Number(fields.offset ?? 0), lag: Number(fields.lag ?? 0) }];
  });
}

/** The slot ranges on CLUSTER NODES' `myself` line (`0-5460`, `5461`); slots being migrated (`[...]`) are left out. */
export function ownSlots(nodes: string): string[] {
  const mine = nodes.split(/\r?\n/).find((line) => line.split(' ')[2]?.split(',').includes('myself'));
  return mine ? mine.trim().split(' ').slice(8).filter((field) => field !== '' && !field.startsWith('[')) : [];
}

/** ROLE's three shapes: [master, offset, [[ip, port, offset]...]], [slave, ip, port, state, offset], [sentinel, [names]]. */
export function parseRole(reply: unknown[], sentinelMaster?: unknown): LiveRole {
  const [kind] = reply;
  if (kind === 'master') {
    const replicas = Array.isArray(reply[2]) ? (reply[2] as unknown[]) : [];
    return { kind: 'master', replicas: replicas.flatMap((entry) => (Array.isArray(entry) ? [`${String(entry[0])}:${String(entry[1])}`] : [])), offset: Number(reply[1]) };
  }
  if (kind === 'slave') return { kind: 'replica', master: `${String(reply[1])}:${String(reply[2])}`, link: String(reply[3]), offset: Number(reply[4]) };
  const address = Array.isArray(sentinelMaster) && sentinelMaster.length === 2 ? `${String(sentinelMaster[0])}:${String(sentinelMaster[1])}` : undefined;
  return { kind: 'sentinel', master: address };
}
