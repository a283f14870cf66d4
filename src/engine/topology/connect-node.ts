import type { Topology } from '../../redis/topology/topology.js';
import type { LearnerClient } from '../learner-client.js';

const CONNECT_NODE = /^\s*connect\s+(\S+)\s*$/i;

/**
 * `connect NODE` in a lab's solution or answer: the learner's connection
 * moves to that node, as `connect HOST PORT` moves redis-cli's. Nodes are
 * named, not numbered, because their ports are chosen at every start.
 * Undefined when the line is something else.
 */
export function connectNodeName(line: string): string | undefined {
  return CONNECT_NODE.exec(line)?.[1];
}

export async function connectLearnerTo(topology: Topology, learner: LearnerClient, name: string): Promise<void> {
  await learner.moveTo(topology.node(name).target.spec);
}
