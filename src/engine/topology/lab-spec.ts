import type { TopologyField } from '../../course/schema.js';
import type { TopologySpec } from '../../redis/topology/topology-spec.js';

/** The launcher's spec for an exercise's `topology:` (the YAML names are the redis.conf ones, the spec's are shorter). */
export function toTopologySpec(field: TopologyField): TopologySpec {
  const config = field.config === undefined ? {} : { config: field.config };
  switch (field.kind) {
    case 'single':
      return { kind: 'single', ...config };
    case 'replication':
      return { kind: 'replication', replicas: field.replicas, ...config };
    case 'sentinel':
      return {
        kind: 'sentinel',
        replicas: field.replicas,
        sentinels: field.sentinels,
        quorum: field.quorum,
        ...(field.downAfterMilliseconds === undefined ? {} : { downAfterMs: field.downAfterMilliseconds }),
        ...(field.failoverTimeout === undefined ? {} : { failoverTimeoutMs: field.failoverTimeout }),
        ...config,
      };
    case 'cluster':
      return { kind: 'cluster', nodes: field.nodes, joined: field.joined, ...(field.replicasPerMaster === undefined ? {} : { replicasPerMaster: field.replicasPerMaster }), ...config };
  }
}
