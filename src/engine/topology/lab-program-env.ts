import type { Topology, TopologyNode } from '../../redis/topology/topology.js';
import { SENTINEL_MASTER_NAME } from '../../redis/topology/topology-spec.js';

/**
 * What a program answer on a lab gets besides REDIS_URL (the entry node, as
 * for any program): the other nodes' addresses, as `host:port` lists joined
 * by commas, the form a Sentinel or Cluster client's constructor takes them
 * in. Every node, sentinels included, has the lab's one password, which is
 * REDIS_PASSWORD (and in REDIS_URL).
 * - replication and sentinel labs: REDIS_REPLICAS (replica-1, replica-2...);
 * - sentinel labs: REDIS_SENTINELS and REDIS_SENTINEL_MASTER (mymaster);
 * - cluster labs: REDIS_CLUSTER_NODES (node-1, node-2...).
 * The addresses are the nodes' own: what the program sends to them does not
 * pass the tutor's tap, only what it sends through REDIS_URL does.
 */
export function labProgramEnv(topology: Topology): Record<string, string> {
  const addresses = (role: TopologyNode['role']) =>
    topology.nodes
      .filter((node) => node.role === role)
      .map((node) => `${node.target.spec.host}:${node.target.spec.port}`)
      .join(',');
  switch (topology.spec.kind) {
    case 'single':
      return {};
    case 'replication':
      return { REDIS_REPLICAS: addresses('replica') };
    case 'sentinel':
      return { REDIS_REPLICAS: addresses('replica'), REDIS_SENTINELS: addresses('sentinel'), REDIS_SENTINEL_MASTER: SENTINEL_MASTER_NAME };
    case 'cluster':
      return { REDIS_CLUSTER_NODES: addresses('cluster-node') };
  }
}
