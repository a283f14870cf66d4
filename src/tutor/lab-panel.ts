import type { Topology } from '../redis/topology/topology.js';
import { readTopologyView, type NodeView } from '../redis/topology/topology-view.js';
import type { PanelNode, TopologyPanel } from './state/topology-panel.js';

/**
 * A lab's servers for the data panel: every node's own word (ROLE, INFO
 * replication, SENTINEL MASTER, CLUSTER NODES, read by
 * src/redis/topology/topology-view.ts), with each replica's lag taken from
 * what its master reports, and the node the learner's prompt is on.
 */
export async function readLabPanel(topology: Topology, learnerPort: number | undefined): Promise<TopologyPanel> {
  const view = await readTopologyView(topology);
  const at = topology.nodes.find((node) => node.target.spec.port === learnerPort)?.name;
  return { kind: topology.spec.kind, nodes: labPanelNodes(view), ...(at !== undefined ? { learnerAt: at } : {}) };
}

/** NodeViews as panel rows; a replica's lag is its master's report of it, matched by address. */
export function labPanelNodes(view: readonly NodeView[]): PanelNode[] {
  const lags = new Map<string, number>();
  for (const node of view) {
    if (node.state === 'up') for (const link of node.links ?? []) lags.set(link.address, link.lag);
  }
  return view.map((node) => {
    const port = Number(node.address.slice(node.address.lastIndexOf(':') + 1));
    const base = { name: node.name, port };
    if (node.state !== 'up') return { ...base, state: node.state };
    const { live } = node;
    const cluster = node.cluster ? { clusterState: node.cluster.state } : {};
    const slots = node.slots ? { slots: node.slots } : {};
    switch (live.kind) {
      case 'master':
        return { ...base, state: 'up', role: 'master', ...offsetOf(live.offset), replicas: live.replicas.length, ...slots, ...cluster };
      case 'replica': {
        const lag = lags.get(node.address);
        return { ...base, state: 'up', role: 'replica', ...offsetOf(live.offset), ...(lag !== undefined ? { lag } : {}), master: live.master, link: live.link, ...cluster };
      }
      case 'sentinel':
        return { ...base, state: 'up', role: 'sentinel', ...(live.master !== undefined ? { master: live.master } : {}), ...(node.sentinel ? { sentinel: node.sentinel } : {}) };
    }
  });
}

function offsetOf(offset: number | undefined): { offset?: number } {
  return offset !== undefined && Number.isFinite(offset) ? { offset } : {};
}
