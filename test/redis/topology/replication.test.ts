import { existsSync, readdirSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../src/redis/connect.js';
import { startTopology } from '../../../src/redis/topology/start-topology.js';
import type { Topology } from '../../../src/redis/topology/topology.js';
import { readTopologyView } from '../../../src/redis/topology/topology-view.js';
import { waitUntil } from '../../support/wait-until.js';
import { isAlive } from '../support/processes.js';

/* A master with two replicas, started through the product code on real redis-server processes. */
let topology: Topology;
const connections: Redis[] = [];

async function open(name: string): Promise<Redis> {
  const redis = await connect(topology.node(name).target.spec, { name: 'test', reconnect: false });
  connections.push(redis);
  return redis;
}

beforeAll(async () => {
  topology = await startTopology({ kind: 'replication', replicas: 2 }, { handleSignals: false });
});
afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await topology.stop();
});

describe('a replication topology', () => {
  it('starts a master and its replicas, each in its own directory of one folder, all with one password', async () => {
    expect(topology.nodes.map((node) => [node.name, node.role])).toEqual([
      ['master', 'master'],
      ['replica-1', 'replica'],
      ['replica-2', 'replica'],
    ]);
    expect(topology.entry.name).toBe('master');
    expect(readdirSync(topology.folder)).toHaveLength(3);
    for (const node of topology.nodes) {
      expect(node.target.dir.startsWith(topology.folder)).toBe(true);
      expect(node.target.spec.password).toBe(topology.password);
    }
    const master = await open('master');
    expect(await master.call('ROLE')).toEqual(['master', expect.any(Number), expect.arrayContaining([expect.any(Array), expect.any(Array)])]);
  });

  it('refuses a connection without the password', async () => {
    const { host, port } = topology.node('replica-1').target.spec;
    await expect(connect({ host, port, db: 0, tls: false }, { name: 'test', reconnect: false })).rejects.toThrow(/password/i);
  });

  it('a write on the master is read on a replica, and a write on a replica is refused with READONLY', async () => {
    const master = await open('master');
    const replica = await open('replica-2');
    await master.set('greeting', 'hello');
    // Replication is asynchronous: poll the replica.
    expect(await waitUntil(async () => (await replica.get('greeting')) ?? undefined, 'the key on the replica')).toBe('hello');
    await expect(replica.set('greeting', 'bye')).rejects.toThrow(/^READONLY/);
    expect((await replica.call('ROLE')) as unknown[]).toEqual(['slave', '127.0.0.1', topology.entry.target.spec.port, 'connected', expect.any(Number)]);
  });

  it('actors: a paused replica falls behind and catches up when resumed; a killed one comes back with restart', async () => {
    const master = await open('master');
    const replica = await open('replica-1');
    topology.pause('replica-1');
    expect(topology.isPaused('replica-1')).toBe(true);
    await master.set('during-pause', '1');
    topology.resume('replica-1');
    expect(await waitUntil(async () => (await replica.get('during-pause')) ?? undefined, 'the key written during the pause')).toBe('1');

    const { pid } = topology.node('replica-1').target;
    const exit = await topology.kill('replica-1');
    expect(exit?.signal).toBe('SIGKILL');
    expect(isAlive(pid)).toBe(false);
    await master.set('while-down', '2');
    await topology.restart('replica-1');
    expect(topology.node('replica-1').target.pid).not.toBe(pid);
    const again = await open('replica-1');
    expect(await waitUntil(async () => (await again.get('while-down')) ?? undefined, 'the key written while the replica was down')).toBe('2');
  });

  it('the view says what each node is, and which are paused or down', async () => {
    const address = (name: string) => `127.0.0.1:${topology.node(name).target.spec.port}`;
    const view = await readTopologyView(topology);
    expect(view[0]).toMatchObject({ name: 'master', declared: 'master', address: address('master'), state: 'up', live: { kind: 'master' } });
    expect(view[0]?.state === 'up' && view[0].live.kind === 'master' && [...view[0].live.replicas].sort()).toEqual([address('replica-1'), address('replica-2')].sort());
    expect(view[1]).toMatchObject({ name: 'replica-1', state: 'up', live: { kind: 'replica', master: address('master'), link: 'connected' } });

    topology.pause('replica-2');
    expect((await readTopologyView(topology))[2]).toMatchObject({ name: 'replica-2', state: 'paused' });
    await topology.kill('replica-2');
    expect((await readTopologyView(topology))[2]).toMatchObject({ name: 'replica-2', state: 'down' });
    await topology.restart('replica-2');
    expect(await waitUntil(async () => {
      const again = (await readTopologyView(topology))[2];
      return again?.state === 'up' && again.live.kind === 'replica' && again.live.link === 'connected';
    }, 'replica-2 to be connected again')).toBe(true);
  });

  it('names what it does not have', () => {
    expect(() => topology.node('replica-9')).toThrow(expect.objectContaining({ nextStep: 'Its nodes are: master, replica-1, replica-2.' }));
  });

  it('stop() ends every process and removes the folder', async () => {
    const other = await startTopology({ kind: 'replication', replicas: 1 }, { handleSignals: false });
    const pids = other.nodes.map((node) => node.target.pid);
    // A paused process is stopped too (SIGKILL needs no cooperation), and a kill() under way ends with the stop.
    other.pause('replica-1');
    const killing = other.kill('master');
    await other.stop();
    await killing;
    expect(pids.every((pid) => !isAlive(pid))).toBe(true);
    expect(existsSync(other.folder)).toBe(false);
  });
});
