/**
 * `topology:` of an exercise: the servers a production lab runs on (module 7
 * of the course), started by the tutor instead of the single sandbox. It maps
 * onto the launcher's spec (../../redis/topology/topology-spec.ts), whose
 * node names (master, replica-1, sentinel-1, node-1, server) checks, actors
 * and `connect NODE` lines refer to.
 */
import { z } from 'zod';
import { closedMap } from './closed-map.js';

/** The launcher's limits (src/redis/topology/topology-spec.ts, which this layer may not import). */
const TOPOLOGY_LIMITS = { replicas: 5, sentinels: 5, clusterNodes: 9 } as const;

const ConfigSchema = z
  .array(z.string().min(1))
  .optional()
  .describe('redis.conf lines for every data node (not the sentinels), e.g. "appendonly yes".');

const count = (max: number, what: string) => z.number().int().min(1).max(max).describe(what);

const SingleSchema = closedMap('topology field', { kind: z.literal('single'), config: ConfigSchema });

const ReplicationSchema = closedMap('topology field', {
  kind: z.literal('replication'),
  replicas: count(TOPOLOGY_LIMITS.replicas, 'Replicas of the master (replica-1..N), already replicating when the exercise opens.'),
  config: ConfigSchema,
});

const SentinelSchema = closedMap('topology field', {
  kind: z.literal('sentinel'),
  replicas: count(TOPOLOGY_LIMITS.replicas, 'Replicas of the master; a failover promotes one.'),
  sentinels: count(TOPOLOGY_LIMITS.sentinels, 'Sentinels (sentinel-1..N), monitoring the master as mymaster.').default(3),
  quorum: count(TOPOLOGY_LIMITS.sentinels, 'Sentinels that must agree the master is down.').default(2),
  downAfterMilliseconds: z.number().int().min(100).optional().describe('sentinel down-after-milliseconds (default 3000; a lab uses ~1000 so the learner waits seconds).'),
  failoverTimeout: z.number().int().min(1000).optional().describe('sentinel failover-timeout in milliseconds (default 10000).'),
  config: ConfigSchema,
});

const ClusterSchema = closedMap('topology field', {
  kind: z.literal('cluster'),
  nodes: z.number().int().min(3).max(TOPOLOGY_LIMITS.clusterNodes).describe('Nodes with cluster-enabled (node-1..N).'),
  joined: z.boolean().describe('true: a working cluster (slots assigned, replicas attached); false: the learner joins the nodes.'),
  replicasPerMaster: z.number().int().min(0).max(2).optional().describe('For a joined cluster: replicas per master (default 1).'),
  config: ConfigSchema,
});

export const TopologyFieldSchema = z
  .discriminatedUnion('kind', [SingleSchema, ReplicationSchema, SentinelSchema, ClusterSchema], {
    error: 'expected kind: single, replication, sentinel or cluster',
  })
  .describe('The servers this exercise runs on instead of the single sandbox: a master with replicas, a Sentinel group, a Cluster, or a single server with given settings. Every run gets a fresh set, stopped after it.');

export type TopologyField = z.infer<typeof TopologyFieldSchema>;

/** A node of the exercise's topology, as checks name it; `any`: the check holds on at least one data node. */
export const NodeNameSchema = z
  .string()
  .regex(/^(master|server|any|(replica|sentinel|node)-\d+)$/, { error: 'expected master, server, any, replica-N, sentinel-N or node-N' })
  .describe("Run the command on this node of the exercise's topology (master, replica-1, sentinel-1, node-1, server) instead of the entry node; any: it passes when it holds on at least one data node.");
