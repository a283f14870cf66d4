import { connect } from '../../redis/connect.js';
import type { Topology, TopologyNode } from '../../redis/topology/topology.js';
import { execOne } from '../checker-pipeline.js';
import type { CheckerCommand } from '../checks/compiled-check.js';
import type { Value } from '../value.js';

/** A node that does not answer in this long fails the check; a paused node must not hang the checklist. */
const NODE_CONNECT_TIMEOUT_MS = 1_000;

/**
 * One command on one node, on a connection of its own closed after: a lab's
 * nodes come and go (killed, paused, promoted), so no connection is kept.
 * A node that is down or silent throws, which the check reports as its error.
 */
export async function runOnNode(node: TopologyNode, command: CheckerCommand): Promise<Value> {
  const redis = await connect(node.target.spec, { name: 'redis-tutor:checker', reconnect: false, connectTimeoutMs: NODE_CONNECT_TIMEOUT_MS });
  try {
    return await execOne(redis, command);
  } finally {
    redis.disconnect();
  }
}

/** The nodes `node: any` tries: every data node (sentinels hold no keys). */
export function dataNodes(topology: Topology): readonly TopologyNode[] {
  return topology.nodes.filter((node) => node.role !== 'sentinel');
}
