import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/redis/connect.js';
import { startTopology } from '../../src/redis/topology/start-topology.js';
import type { Topology } from '../../src/redis/topology/topology.js';
import { waitUntil } from '../support/wait-until.js';
import { isSentinel, profileServices, replicaOf, sentinelMonitor } from './compose-sentinel-profile.js';

/*
 * docker-compose.yml's `sentinel` profile cannot run here (no Docker engine),
 * so the same topology runs on the tutor's own processes: one replica, three
 * sentinels, the quorum and timeouts read from the compose file. The sentinels
 * agree on the master, and fail over to the replica when the master is killed.
 */
const composeSentinels = profileServices.filter(([, service]) => isSentinel(service));
const composeReplicas = profileServices.filter(([, service]) => !isSentinel(service) && replicaOf(service) !== undefined);
const monitor = sentinelMonitor(composeSentinels[0]![1]);
const sentinelNames = composeSentinels.map((_, index) => `sentinel-${index + 1}`);

let topology: Topology;
const connections: Redis[] = [];

async function open(name: string): Promise<Redis> {
  const redis = await connect(topology.node(name).target.spec, { name: 'test', reconnect: false });
  connections.push(redis);
  return redis;
}

const address = (name: string) => `127.0.0.1:${topology.node(name).target.spec.port}`;

async function masterAddress(sentinel: Redis): Promise<string> {
  const [host, port] = (await sentinel.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mymaster')) as [string, string];
  return `${host}:${port}`;
}

beforeAll(async () => {
  topology = await startTopology(
    {
      kind: 'sentinel',
      replicas: composeReplicas.length,
      sentinels: composeSentinels.length,
      quorum: monitor.quorum,
      downAfterMs: monitor.downAfterMs,
      failoverTimeoutMs: monitor.failoverTimeoutMs,
    },
    { handleSignals: false },
  );
}, 60_000);
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await topology?.stop();
});

describe("the compose file's sentinel topology, on the tutor's processes", () => {
  it('has the nodes the compose file declares', () => {
    expect(topology.nodes.map((node) => node.name)).toEqual(['master', 'replica-1', ...sentinelNames]);
  });

  it('every sentinel names the master, then the replica once the master is killed', async () => {
    const sentinels = await Promise.all(sentinelNames.map(open));
    for (const sentinel of sentinels) expect(await masterAddress(sentinel)).toBe(address('master'));

    await topology.kill('master');
    // down-after-milliseconds, then an election: seconds, but a busy machine gets a generous deadline.
    for (const [index, sentinel] of sentinels.entries()) {
      await waitUntil(async () => (await masterAddress(sentinel)) === address('replica-1'), `${sentinelNames[index]} to name replica-1 the master`, 60_000);
    }
    const promoted = await open('replica-1');
    await waitUntil(async () => ((await promoted.call('ROLE')) as unknown[])[0] === 'master', 'replica-1 to say it is a master', 30_000);
    await promoted.set('after-failover', 'yes');
    expect(await promoted.get('after-failover')).toBe('yes');
  }, 120_000);
});
