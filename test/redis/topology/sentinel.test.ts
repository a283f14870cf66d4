import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/redis/connect.js';
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import { pairsToRecord } from '../../../src/redis/topology/topology-readiness.js';
import type { Topology } from '../../../src/redis/topology/topology.js';
import { readTopologyView } from '../../../src/redis/topology/topology-view.js';
import { waitUntil } from '../../support/wait-until.js';

/* A master, two replicas and three sentinels (quorum 2) on real processes; the master is killed and a replica takes over. */
let topology: Topology;
const connections: Redis[] = [];

async function open(name: string): Promise<Redis> {
  const redis = await connect(topology.node(name).target.spec, { name: 'test', reconnect: false });
  connections.push(redis);
  return redis;
}

async function masterAddress(sentinel: Redis): Promise<string> {
  const reply = (await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mymaster')) as [string, string];
  return `${reply[0]}:${reply[1]}`;
}

beforeAll(async () => {
  topology = await startTopology({ kind: 'sentinel', replicas: 2, sentinels: 3, quorum: 2, downAfterMs: 1_000, failoverTimeoutMs: 5_000 }, { handleSignals: false });
}, 60_000);
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await topology.stop();
});

describe('a sentinel topology', () => {
  it('starts with sentinels that monitor the master, see both replicas and each other, and ask for the password', async () => {
    expect(topology.nodes.map((node) => node.name)).toEqual(['master', 'replica-1', 'replica-2', 'sentinel-1', 'sentinel-2', 'sentinel-3']);
    const sentinel = await open('sentinel-1');
    expect(await masterAddress(sentinel)).toBe(`127.0.0.1:${topology.node('master').target.spec.port}`);
    const { host, port } = topology.node('sentinel-2').target.spec;
    await expect(connect({ host, port, db: 0, tls: false }, { name: 'test', reconnect: false })).rejects.toThrow(/password/i);
  });

  it('a restarted sentinel keeps its id, so the others still count three sentinels, not four', async () => {
    const masterOf = async (sentinel: Redis) => pairsToRecord(await sentinel.call('SENTINEL', 'MASTER', 'mymaster'));
    const id = await (await open('sentinel-1')).call('SENTINEL', 'MYID');
    await topology.restart('sentinel-1');
    const restarted = await open('sentinel-1');
    expect(await restarted.call('SENTINEL', 'MYID')).toBe(id);
    expect(await waitUntil(async () => (await masterOf(restarted))['num-other-sentinels'] === '2', 'sentinel-1 to find the others again', 30_000)).toBe(true);
    const other = await open('sentinel-3');
    const listed = await waitUntil(
      async () => {
        const entries = ((await other.call('SENTINEL', 'SENTINELS', 'mymaster')) as unknown[]).map(pairsToRecord);
        return entries.every((entry) => !entry.flags?.includes('disconnected')) ? entries : undefined;
      },
      'sentinel-3 to see sentinel-1 back',
      30_000,
    );
    expect(listed.map((entry) => entry.runid)).toContain(id);
    expect(listed).toHaveLength(2);
  }, 60_000);

  it('elects a replica as the new master after the master is killed', async () => {
    const replicaPorts = ['replica-1', 'replica-2'].map((name) => `127.0.0.1:${topology.node(name).target.spec.port}`);
    const sentinels = await Promise.all(['sentinel-1', 'sentinel-2', 'sentinel-3'].map(open));
    await topology.kill('master');
    // down-after-milliseconds 1000, then an election: seconds, but a busy machine gets a generous deadline.
    const promoted = await waitUntil(
      async () => {
        const address = await masterAddress(sentinels[0]!);
        return replicaPorts.includes(address) ? address : undefined;
      },
      'sentinel-1 to name a replica as the master',
      45_000,
    );
    for (const sentinel of sentinels.slice(1)) {
      expect(await waitUntil(async () => (await masterAddress(sentinel)) === promoted, 'every sentinel to agree', 30_000)).toBe(true);
    }
    const newMaster = await open(topology.nodes.find((node) => `127.0.0.1:${node.target.spec.port}` === promoted)!.name);
    expect(await waitUntil(async () => ((await newMaster.call('ROLE')) as unknown[])[0] === 'master', 'the promoted replica to be a master', 30_000)).toBe(true);
    await newMaster.set('after-failover', 'yes');
    const view = await readTopologyView(topology);
    expect(view.find((node) => node.address === promoted)).toMatchObject({ declared: 'replica', state: 'up', live: { kind: 'master' } });
    expect(view.filter((node) => node.declared === 'sentinel')).toEqual(
      Array(3).fill(expect.objectContaining({ state: 'up', live: { kind: 'sentinel', master: promoted } })),
    );
    expect(view[0]).toMatchObject({ name: 'master', state: 'down' });
    expect(await newMaster.get('after-failover')).toBe('yes');

    // The old master comes back from its declared config as a master; the sentinels make it a replica of the new one
    // (and close its clients' connections on the way: each poll opens its own).
    await topology.restart('master');
    const replicated = async () => {
      let oldMaster: Redis | undefined;
      try {
        // Inside the try: the sentinels' CLIENT KILL can land during the handshake too.
        oldMaster = await connect(topology.node('master').target.spec, { name: 'test', reconnect: false });
        const role = ((await oldMaster.call('ROLE')) as unknown[])[0];
        return role === 'slave' && (await oldMaster.get('after-failover')) === 'yes';
      } catch {
        return false;
      } finally {
        oldMaster?.disconnect();
      }
    };
    expect(await waitUntil(replicated, 'the old master to replicate from the new one', 45_000)).toBe(true);
  }, 120_000);
});
