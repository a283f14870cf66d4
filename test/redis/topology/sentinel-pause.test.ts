import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/redis/connect.js';
import type { ConnectionSpec } from '../../../src/redis/target.js';
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import type { Topology } from '../../../src/redis/topology/topology.js';
import { readTopologyView } from '../../../src/redis/topology/topology-view.js';
import { waitUntil } from '../../support/wait-until.js';

/* A partitioned master, as an actor makes one: SIGSTOP keeps its port and connections but it answers nothing. */
let topology: Topology;

beforeAll(async () => {
  topology = await startTopology({ kind: 'sentinel', replicas: 1, sentinels: 3, quorum: 2, downAfterMs: 1_000, failoverTimeoutMs: 5_000 }, { handleSignals: false });
}, 60_000);
afterAll(() => topology.stop());

/** One question on a connection of its own: sentinels close clients' connections when they reconfigure a server. */
async function ask(spec: ConnectionSpec, ...command: string[]): Promise<unknown> {
  const redis = await connect(spec, { name: 'test', reconnect: false });
  try {
    return await redis.call(command[0]!, ...command.slice(1));
  } finally {
    redis.disconnect();
  }
}

describe('pausing the master of a sentinel group', () => {
  it('makes the sentinels promote the replica; resumed, the old master becomes its replica', async () => {
    const replica = topology.node('replica-1').target.spec;
    topology.pause('master');
    const sentinel = topology.node('sentinel-3').target.spec;
    const promoted = async () => {
      const address = (await ask(sentinel, 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'mymaster')) as string[];
      return address[1] === String(replica.port);
    };
    expect(await waitUntil(promoted, 'the sentinels to promote replica-1', 45_000)).toBe(true);
    const isMaster = async () => ((await ask(replica, 'ROLE').catch(() => [])) as unknown[])[0] === 'master';
    expect(await waitUntil(isMaster, 'replica-1 to say it is a master', 30_000)).toBe(true);
    expect((await readTopologyView(topology))[0]).toMatchObject({ name: 'master', state: 'paused' });

    topology.resume('master');
    // ask() connects inside the catch: the sentinels' CLIENT KILL can land during the handshake too.
    const demoted = async () => {
      try {
        const role = (await ask(topology.node('master').target.spec, 'ROLE')) as unknown[];
        return role[0] === 'slave' && role[2] === replica.port;
      } catch {
        return false;
      }
    };
    expect(await waitUntil(demoted, 'the old master to become a replica of replica-1', 45_000)).toBe(true);
  }, 120_000);
});
