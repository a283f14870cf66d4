import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/redis/connect.js';
import { infoField } from '../../../src/redis/topology/topology-readiness.js';
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import type { Topology } from '../../../src/redis/topology/topology.js';
import { readTopologyView } from '../../../src/redis/topology/topology-view.js';
import { waitUntil } from '../../support/wait-until.js';

/* Six cluster nodes start on their own; the learner's `redis-cli --cluster create` joins them. */
const run = promisify(execFile);
let topology: Topology;
const connections: Redis[] = [];

async function open(name: string): Promise<Redis> {
  const redis = await connect(topology.node(name).target.spec, { name: 'test', reconnect: false });
  connections.push(redis);
  return redis;
}

beforeAll(async () => {
  topology = await startTopology({ kind: 'cluster', nodes: 6, joined: false }, { handleSignals: false });
});
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await topology.stop();
});

describe('a cluster topology', () => {
  it('starts nodes with cluster mode on that know only themselves', async () => {
    expect(topology.nodes.map((node) => node.name)).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6']);
    const node = await open('node-1');
    const info = (await node.call('CLUSTER', 'INFO')) as string;
    expect(infoField(info, 'cluster_state')).toBe('fail');
    expect(infoField(info, 'cluster_known_nodes')).toBe('1');
    expect((await readTopologyView(topology))[0]).toMatchObject({ state: 'up', live: { kind: 'master' }, cluster: { state: 'fail', knownNodes: 1 } });
  });

  it('redis-cli --cluster create joins them: three masters with a replica each, and the cluster serves keys', async () => {
    const addresses = topology.nodes.map((node) => `127.0.0.1:${node.target.spec.port}`);
    await run('redis-cli', ['-a', topology.password, '--no-auth-warning', '--cluster', 'create', ...addresses, '--cluster-replicas', '1', '--cluster-yes'], {
      timeout: 60_000,
    });
    const nodes = await Promise.all(topology.nodes.map((node) => open(node.name)));
    for (const node of nodes) {
      // Gossip spreads the nodes' news in rounds: each node is waited for until it is ok and knows all six.
      const state = await waitUntil(
        async () => {
          const info = (await node.call('CLUSTER', 'INFO')) as string;
          return infoField(info, 'cluster_state') === 'ok' && infoField(info, 'cluster_known_nodes') === '6';
        },
        'cluster_state:ok and six known nodes on every node',
        30_000,
      );
      expect(state).toBe(true);
    }
    const roles = await Promise.all(nodes.map(async (node) => ((await node.call('ROLE')) as unknown[])[0]));
    expect(roles.filter((role) => role === 'master')).toHaveLength(3);
    const view = await readTopologyView(topology);
    expect(view.map((node) => node.state === 'up' && node.cluster)).toEqual(Array(6).fill({ state: 'ok', knownNodes: 6 }));
    const { stdout } = await run('redis-cli', ['-a', topology.password, '--no-auth-warning', '-c', '-p', String(topology.entry.target.spec.port), 'SET', 'user:1', 'ada']);
    expect(stdout.trim()).toBe('OK');
  }, 90_000);
});

describe('a joined cluster topology', () => {
  it('starts as a working cluster: three masters with a replica each, slots covered, keys served', async () => {
    const joined = await startTopology({ kind: 'cluster', nodes: 6, joined: true }, { handleSignals: false });
    try {
      const converged = (view: Awaited<ReturnType<typeof readTopologyView>>) =>
        view.every((node) => node.state === 'up' && node.cluster?.state === 'ok' && node.cluster.knownNodes === 6);
      const view = await waitUntil(async () => {
        const read = await readTopologyView(joined);
        return converged(read) ? read : undefined;
      }, 'every node ok and knowing all six', 30_000);
      expect(view.map((node) => node.state === 'up' && node.cluster)).toEqual(Array(6).fill({ state: 'ok', knownNodes: 6 }));
      expect(view.map((node) => node.state === 'up' && node.live.kind)).toEqual(['master', 'master', 'master', 'replica', 'replica', 'replica']);
      // One replica per master.
      const mastersOfReplicas = view.flatMap((node) => (node.state === 'up' && node.live.kind === 'replica' ? [node.live.master] : []));
      expect(mastersOfReplicas).toEqual(view.slice(0, 3).map((node) => node.address));
      const first = await connect(joined.entry.target.spec, { name: 'test', reconnect: false });
      try {
        const info = (await first.call('CLUSTER', 'INFO')) as string;
        expect(infoField(info, 'cluster_slots_assigned')).toBe('16384');
        expect(infoField(info, 'cluster_size')).toBe('3');
      } finally {
        first.disconnect();
      }
      const { stdout } = await run('redis-cli', ['-a', joined.password, '--no-auth-warning', '-c', '-p', String(joined.entry.target.spec.port), 'SET', 'user:2', 'grace']);
      expect(stdout.trim()).toBe('OK');
    } finally {
      await joined.stop();
    }
  }, 90_000);
});
