/**
 * `redis-tutor cli --cluster info|check` against the real redis-cli 7.0.15
 * on a real local cluster (3 masters, 3 replicas), byte for byte: stdout,
 * stderr and the exit code, coloured (TERM=xterm) or not, healthy or with
 * an open slot, and the front end's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';
import { nodeCommand, nodeId, runBothOnCluster, startCluster, type Cluster } from './support/cluster-both.js';

let cluster: Cluster;
const node = (index: number) => cluster.nodes[index - 1] ?? cluster.entry;
const address = (index: number) => `127.0.0.1:${node(index).target.spec.port}`;
/** Keys on every master, so info counts something. */
const fill = async () => {
  await nodeCommand(cluster, node(1), ['SET', 'bar', '1']);
  await nodeCommand(cluster, node(1), ['SET', 'hello', '1']);
  await nodeCommand(cluster, node(3), ['SET', 'foo', '1']);
};

beforeAll(async () => {
  cluster = await startCluster(true);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

describe('differential: --cluster info and check', () => {
  it.each<[string, string[], NodeJS.ProcessEnv]>([
    ['info', ['--cluster', 'info', '{1}'], {}],
    ['info, host and port apart', ['--cluster', 'info', '127.0.0.1', '{2port}'], {}],
    ['check', ['--cluster', 'check', '{1}'], {}],
    ['check from a replica', ['--cluster', 'check', '{5}'], {}],
    ['check in colour (TERM=xterm)', ['--cluster', 'check', '{1}'], { TERM: 'xterm-256color' }],
    ['check --cluster-search-multiple-owners (every slot asked about)', ['--cluster', 'check', '{1}', '--cluster-search-multiple-owners'], {}],
    ['check with -a after the address', ['--cluster', 'check', '{1}', '-a', '{password}'], { REDISCLI_AUTH: '' }],
  ])('%s', async (_name, template, env) => {
    const args = template.map((word) =>
      word
        .replace('{1}', address(1))
        .replace('{5}', address(5))
        .replace('{2port}', String(node(2).target.spec.port))
        .replace('{password}', cluster.password),
    );
    const { theirs, ours } = await runBothOnCluster(cluster, args, '', { prepare: fill, env: { TERM: 'dumb', ...env } });
    expect(theirs.stdout).toContain('keys per slot on average.');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('info with 2048 keys: 0.125 keys per slot, printed 0.12 as glibc rounds', async () => {
    const prepare = async () => {
      const pairs = Array.from({ length: 2048 }, (_, index) => [`{bar}${index}`, 'x']).flat();
      await nodeCommand(cluster, node(1), ['MSET', ...pairs]);
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'info', address(1)], '', { prepare });
    expect(theirs.stdout).toContain('0.12 keys per slot on average.');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('check with an open slot: the warnings, exit 1', async () => {
    const slot = '866';
    const prepare = async () => {
      await fill();
      const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
      await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', from]);
      await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', to]);
    };
    const cleanUp = async () => {
      await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
      await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
    };
    for (const env of [{ TERM: 'dumb' }, { TERM: 'xterm' }]) {
      const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'check', address(1)], '', { prepare, cleanUp, env });
      expect(theirs.stdout).toContain('[WARNING] The following slots are open: 866.');
      expect(theirs.code).toBe(1);
      expect(ours).toEqual(theirs);
    }
  }, 60_000);

  it('check with several open slots: listed in redis-cli\'s hash table order', async () => {
    const slots = ['0', '100', '866', '2000', '3999', '5000'];
    const prepare = async () => {
      const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
      for (const slot of slots) {
        await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'IMPORTING', from]);
        await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'MIGRATING', to]);
      }
    };
    const cleanUp = async () => {
      for (const slot of slots) {
        await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
        await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', slot, 'STABLE']);
      }
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'check', address(1)], '', { prepare, cleanUp });
    expect(theirs.stdout).toContain('[WARNING] The following slots are open: ');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it.each<[string, string[]]>([
    ['no address', ['--cluster', 'check']],
    ['an unknown subcommand', ['--cluster', 'frobnicate', '127.0.0.1:1']],
    ['add-node with one address', ['--cluster', 'add-node', '127.0.0.1:1']],
    ['an address without a port', ['--cluster', 'info', 'localhost']],
    ['a port of 0', ['--cluster', 'check', '127.0.0.1:0']],
    ['a node that is not there', ['--cluster', 'info', '127.0.0.1:1']],
  ])('front end: %s', async (_name, args) => {
    const { theirs, ours } = await runBothOnCluster(cluster, args, '');
    expect(theirs.code).toBe(1);
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('a server that is not a cluster node', async () => {
    const server = await startTestServer();
    try {
      const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'check', `127.0.0.1:${server.port}`], '', { env: { REDISCLI_AUTH: undefined } });
      expect(theirs.stdout).toContain('is not configured as a cluster node.');
      expect(ours).toEqual(theirs);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
