/**
 * Differential runs on a real local cluster (src/redis/topology): the same
 * input through Debian's redis-cli and through `redis-tutor cli`, one after
 * the other on the same nodes, each run starting from the same state
 * (every master flushed, then the test's own preparation). Same nodes means
 * same ports and node ids, so the outputs compare with no normalizing
 * beyond what two runs differ in by nature (client ports, timing lines).
 */
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import type { Topology, TopologyNode } from '../../../src/redis/topology/topology.js';
import { RespConnection } from '../../../src/resp/connection.js';
import type { Reply } from '../../../src/resp/types.js';
import { BIN, runProgram, withoutTimingLines, type RunResult } from './run-both.js';

export type Cluster = Topology;

export function startCluster(joined: boolean, nodes = 6): Promise<Cluster> {
  return startTopology({ kind: 'cluster', nodes, joined }, { handleSignals: false, readyTimeoutMs: 60_000 });
}

/** One command to one node, logged in with the cluster's password; an error reply throws. */
export async function nodeCommand(cluster: Cluster, node: TopologyNode, words: readonly string[]): Promise<Reply> {
  const { host, port } = node.target.spec;
  const connection = await RespConnection.connect({ host, port, tls: false });
  try {
    await connection.send([Buffer.from('AUTH'), Buffer.from(cluster.password)]);
    const reply = await connection.send(words.map((word) => Buffer.from(word)));
    if (reply.type === 'error') throw new Error(`${words.join(' ')} on ${node.name}: ${reply.value.toString()}`);
    return reply;
  } finally {
    connection.destroy();
  }
}

export async function nodeText(cluster: Cluster, node: TopologyNode, words: readonly string[]): Promise<string> {
  const reply = await nodeCommand(cluster, node, words);
  return reply.type === 'bulk' || reply.type === 'status' ? reply.value.toString('utf8') : JSON.stringify(reply);
}

export async function nodeId(cluster: Cluster, node: TopologyNode): Promise<string> {
  return nodeText(cluster, node, ['CLUSTER', 'MYID']);
}

/** FLUSHALL on every node that is a master now (a replica refuses writes, and follows its master anyway). */
export async function flushMasters(cluster: Cluster): Promise<void> {
  await Promise.all(
    cluster.nodes.map(async (node) => {
      const role = await nodeCommand(cluster, node, ['ROLE']);
      const first = role.type === 'array' ? role.items[0] : undefined;
      if (first?.type === 'bulk' && first.value.toString() === 'master') await nodeCommand(cluster, node, ['FLUSHALL']);
    }),
  );
}

export interface ClusterRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface ClusterComparison {
  theirs: ClusterRun;
  ours: ClusterRun;
}

export interface RunOnClusterOptions {
  /** Which node the session starts on (default the first). */
  node?: TopologyNode;
  env?: NodeJS.ProcessEnv;
  /** Before each run, after the flush: the state both runs start from. */
  prepare?: () => Promise<void>;
  /** After each run: undo what prepare() did. */
  cleanUp?: () => Promise<void>;
}

/** `redis-cli -p PORT ARGS` then `redis-tutor cli -p PORT ARGS`, the same stdin, each from the same state. */
export async function runBothOnCluster(cluster: Cluster, cliArgs: string[], input: string, options: RunOnClusterOptions = {}): Promise<ClusterComparison> {
  const port = String((options.node ?? cluster.entry).target.spec.port);
  // An env value of undefined leaves the variable out (e.g. no REDISCLI_AUTH for a server without a password).
  const env = Object.fromEntries(Object.entries({ REDISCLI_AUTH: cluster.password, ...options.env }).filter(([, value]) => value !== undefined));
  const once = async (command: string, args: string[]): Promise<ClusterRun> => {
    await flushMasters(cluster);
    await options.prepare?.();
    try {
      return view(await runProgram(command, [...args, '-p', port, ...cliArgs], input, env));
    } finally {
      await options.cleanUp?.();
    }
  };
  const theirs = await once('redis-cli', []);
  const ours = await once(process.execPath, [BIN, 'cli']);
  return { theirs, ours };
}

function view(result: RunResult): ClusterRun {
  const text = (bytes: Buffer) => withoutTimingLines(bytes.toString('latin1').replace(/\baddr=127\.0\.0\.1:\d+/g, 'addr=127.0.0.1:CLIENTPORT'));
  return { stdout: text(result.stdout), stderr: text(result.stderr), code: result.code };
}
