import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { connect } from '../../../src/redis/connect.js';
import { freePortWithFreeBusPort } from '../../../src/redis/topology/cluster-ports.js';
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import { pidsMentioning } from '../support/processes.js';

const topologyFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('redis-tutor-topology-')));

describe('startTopology', () => {
  it('a single server with the settings the exercise gives, behind the private server defaults', async () => {
    const topology = await startTopology({ kind: 'single', config: ['maxmemory-policy allkeys-lru'] }, { handleSignals: false });
    try {
      expect(topology.nodes.map((node) => node.name)).toEqual(['server']);
      const redis = await connect(topology.entry.target.spec, { name: 'test', reconnect: false });
      try {
        expect(await redis.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'allkeys-lru']);
        expect(await redis.config('GET', 'bind')).toEqual(['bind', '127.0.0.1']);
        expect(await redis.config('GET', 'protected-mode')).toEqual(['protected-mode', 'yes']);
      } finally {
        redis.disconnect();
      }
    } finally {
      await topology.stop();
    }
  });

  it.each([
    [{ kind: 'replication', replicas: 0 }, /replicas must be 1 to 5/],
    [{ kind: 'sentinel', replicas: 1, sentinels: 3, quorum: 4 }, /quorum must be 1 to the number of sentinels \(3\)/],
    [{ kind: 'cluster', nodes: 2, joined: false }, /nodes must be 3 to 9/],
    [{ kind: 'cluster', nodes: 4, joined: true }, /cannot have 1 replica\(s\) per master and 3 masters or more/],
  ] as const)('refuses a topology that cannot work: %j', async (spec, message) => {
    await expect(startTopology(spec, { handleSignals: false })).rejects.toThrow(message);
  });

  it('a start that fails leaves no process and no folder behind, even with nodes starting side by side', async () => {
    const before = topologyFolders();
    const failed = startTopology({ kind: 'cluster', nodes: 3, joined: false, config: ['no-such-directive yes'] }, { handleSignals: false });
    await expect(failed).rejects.toThrow(/exited while starting[\s\S]*no-such-directive/);
    const left = [...topologyFolders()].filter((name) => !before.has(name));
    expect(left).toEqual([]);
    // Guards and servers name their folder on their command line.
    const strays = pidsMentioning('redis-tutor-topology-').filter((pid) => ![...before].some((name) => pidsMentioning(name).includes(pid)));
    expect(strays).toEqual([]);
  });

  it('for servers before 7.0, cluster data ports have a free bus port at +10000', async () => {
    const port = await freePortWithFreeBusPort();
    expect(port + 10_000).toBeLessThanOrEqual(65_535);
  });
});
