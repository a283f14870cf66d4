import { quoteConfigValue } from '../private-server-config.js';
import {
  CLUSTER_NODE_TIMEOUT_MS,
  DEFAULT_DOWN_AFTER_MS,
  DEFAULT_FAILOVER_TIMEOUT_MS,
  SENTINEL_MASTER_NAME,
  type TopologySpec,
} from './topology-spec.js';

/**
 * redis.conf lines a node of a topology adds to the private server's own
 * (see ../private-server-config.ts: loopback, requirepass, no persistence,
 * DEBUG off). Every node has the topology's one password, so each also logs
 * in to the others with it: masterauth for replicas (and for a master that
 * comes back after a failover as a replica), auth-pass and sentinel-pass for
 * sentinels.
 */
const HOST = '127.0.0.1';

export function dataNodeConfig(spec: TopologySpec, password: string): string[] {
  return [
    `masterauth ${quoteConfigValue(password)}`,
    // A master waits 5 s (the default) for more replicas before a full sync: a lab's replicas should be in sync at once.
    'repl-diskless-sync-delay 0',
    ...(spec.config ?? []),
  ];
}

export function replicaConfig(spec: TopologySpec, password: string, masterPort: number): string[] {
  // Before the caller's lines, so an exercise may still override what a replica does (replica-read-only, ...).
  return [`replicaof ${HOST} ${masterPort}`, ...dataNodeConfig(spec, password)];
}

/**
 * `myid`: a sentinel's identity, fixed here because a restart writes its
 * config anew: with a new id the others would count the restarted sentinel
 * twice, and the majority a failover needs would grow.
 */
export function sentinelConfig(spec: Extract<TopologySpec, { kind: 'sentinel' }>, password: string, masterPort: number, myid: string): string[] {
  const name = SENTINEL_MASTER_NAME;
  return [
    `sentinel myid ${myid}`,
    `sentinel monitor ${name} ${HOST} ${masterPort} ${spec.quorum}`,
    `sentinel auth-pass ${name} ${quoteConfigValue(password)}`,
    // Sentinels ask each other to vote: they need the password too (6.2+).
    `sentinel sentinel-pass ${quoteConfigValue(password)}`,
    `sentinel down-after-milliseconds ${name} ${spec.downAfterMs ?? DEFAULT_DOWN_AFTER_MS}`,
    `sentinel failover-timeout ${name} ${spec.failoverTimeoutMs ?? DEFAULT_FAILOVER_TIMEOUT_MS}`,
  ];
}

/**
 * A cluster node. Its bus (node-to-node) port is port+10000 unless said
 * otherwise: 7.0+ is told a port of its own (see clusterBusPortConfig),
 * 6.2 needs a data port whose +10000 is free (see ./cluster-ports.ts).
 */
export function clusterNodeConfig(spec: TopologySpec, password: string): string[] {
  return [
    'cluster-enabled yes',
    // Relative to the node's own dir: one nodes.conf per node, kept across a restart that keeps the data.
    'cluster-config-file nodes.conf',
    `cluster-node-timeout ${CLUSTER_NODE_TIMEOUT_MS}`,
    ...dataNodeConfig(spec, password),
  ];
}

/** The 7.0+ bus port line, for one start: a free port now, which may be taken by the time the node binds it (the launcher then asks again). */
export function clusterBusPortConfig(busPort: number): string[] {
  return [`cluster-port ${busPort}`];
}
