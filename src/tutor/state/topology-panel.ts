/**
 * A lab's servers as the data panel shows them, as plain data: read by
 * ../lab-panel.ts from the running topology, drawn by
 * src/ui/components/topology-lines.ts.
 */
export type LabKind = 'single' | 'replication' | 'sentinel' | 'cluster';

export type PanelNodeState = 'up' | 'down' | 'paused' | 'not-answering';

export interface PanelNode {
  /** master, replica-1, sentinel-2, node-3, server: what `connect NODE` takes. */
  name: string;
  port: number;
  state: PanelNodeState;
  /** What the node says it is now (ROLE); a replica promoted by a failover says master. Absent unless up. */
  role?: 'master' | 'replica' | 'sentinel';
  /** Replication offset: the master's own, a replica's processed one. */
  offset?: number;
  /** A replica's: seconds since its master last heard from it (INFO replication's lag, as the master sees it). */
  lag?: number;
  /** A replica's master, or the master a sentinel names (host:port); undefined for a sentinel that names none. */
  master?: string;
  /** A replica's link to its master (connected, sync, connecting…). */
  link?: string;
  /** A master's replica count (as it sees them). */
  replicas?: number;
  /** A sentinel's knowledge: the other sentinels and the replicas it knows. */
  sentinel?: { otherSentinels: number; replicas: number };
  /** A cluster master's slot ranges (`0-5460`). */
  slots?: string[];
  /** A cluster node's view of the cluster: cluster_state. */
  clusterState?: string;
}

export interface TopologyPanel {
  kind: LabKind;
  nodes: PanelNode[];
  /** The node the learner's prompt is on, when it is one of them. */
  learnerAt?: string;
}
