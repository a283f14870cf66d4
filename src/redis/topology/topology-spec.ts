/**
 * What an exercise declares about the servers it needs (module 7, the
 * production lab). The launcher (./start-topology.ts) turns one of these into
 * running processes; the names of the nodes it makes are fixed by the kind,
 * so an exercise and its actors can refer to them ("kill replica-1").
 */

/** Lines added to every data node's redis.conf (not the sentinels'), after the private server's defaults. */
type WithConfig = { config?: readonly string[] };

export type TopologySpec =
  | ({ kind: 'single' } & WithConfig)
  | ({ kind: 'replication'; replicas: number } & WithConfig)
  | ({
      kind: 'sentinel';
      replicas: number;
      sentinels: number;
      quorum: number;
      /** sentinel down-after-milliseconds: how long a silent master takes to be declared down. */
      downAfterMs?: number;
      /** sentinel failover-timeout. */
      failoverTimeoutMs?: number;
    } & WithConfig)
  /**
   * Nodes with cluster-enabled. Not joined: the learner joins them
   * (`redis-cli --cluster create`). Joined: a working cluster, its first
   * nodes masters and each of the rest a replica (`replicasPerMaster`, default 1).
   */
  | ({ kind: 'cluster'; nodes: number; joined: boolean; replicasPerMaster?: number } & WithConfig);

export type NodeRole = 'master' | 'replica' | 'sentinel' | 'cluster-node' | 'server';

/** The name sentinels monitor the master under. */
export const SENTINEL_MASTER_NAME = 'mymaster';

export const DEFAULT_DOWN_AFTER_MS = 3_000;
export const DEFAULT_FAILOVER_TIMEOUT_MS = 10_000;
/** Low enough that a lab's failover happens in seconds, high enough not to flap on a busy machine. */
export const CLUSTER_NODE_TIMEOUT_MS = 5_000;

export const TOPOLOGY_LIMITS = { replicas: 5, sentinels: 5, clusterNodes: 9 } as const;

/** Node names in start order, for a spec: master, replica-1..N, sentinel-1..N; node-1..N; server. */
export function nodeNames(spec: TopologySpec): { name: string; role: NodeRole }[] {
  const numbered = (prefix: string, role: NodeRole, count: number) =>
    Array.from({ length: count }, (_, index) => ({ name: `${prefix}-${index + 1}`, role }));
  switch (spec.kind) {
    case 'single':
      return [{ name: 'server', role: 'server' }];
    case 'replication':
      return [{ name: 'master', role: 'master' }, ...numbered('replica', 'replica', spec.replicas)];
    case 'sentinel':
      return [{ name: 'master', role: 'master' }, ...numbered('replica', 'replica', spec.replicas), ...numbered('sentinel', 'sentinel', spec.sentinels)];
    case 'cluster':
      return numbered('node', 'cluster-node', spec.nodes);
  }
}

/** A spec that cannot make a working topology, in words; undefined when it can. */
export function topologyProblem(spec: TopologySpec): string | undefined {
  const inRange = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  switch (spec.kind) {
    case 'single':
      return undefined;
    case 'replication':
      return inRange(spec.replicas, 1, TOPOLOGY_LIMITS.replicas) ? undefined : `replicas must be 1 to ${TOPOLOGY_LIMITS.replicas}`;
    case 'sentinel':
      if (!inRange(spec.replicas, 1, TOPOLOGY_LIMITS.replicas)) return `replicas must be 1 to ${TOPOLOGY_LIMITS.replicas} (a failover needs one to promote)`;
      if (!inRange(spec.sentinels, 1, TOPOLOGY_LIMITS.sentinels)) return `sentinels must be 1 to ${TOPOLOGY_LIMITS.sentinels}`;
      if (!inRange(spec.quorum, 1, spec.sentinels)) return `quorum must be 1 to the number of sentinels (${spec.sentinels})`;
      return undefined;
    case 'cluster': {
      if (!inRange(spec.nodes, 3, TOPOLOGY_LIMITS.clusterNodes)) return `nodes must be 3 to ${TOPOLOGY_LIMITS.clusterNodes} (a cluster needs 3 masters)`;
      if (!spec.joined) return undefined;
      const perMaster = 1 + clusterReplicasPerMaster(spec);
      const masters = spec.nodes / perMaster;
      return Number.isInteger(masters) && masters >= 3 ? undefined : `a joined cluster of ${spec.nodes} nodes cannot have ${perMaster - 1} replica(s) per master and 3 masters or more`;
    }
  }
}

export function clusterReplicasPerMaster(spec: Extract<TopologySpec, { kind: 'cluster' }>): number {
  return spec.replicasPerMaster ?? 1;
}
