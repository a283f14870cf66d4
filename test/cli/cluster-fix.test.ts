/**
 * `redis-tutor cli --cluster fix` against the real redis-cli 7.0.15 on a
 * real local cluster: a healthy cluster, an interrupted reshard (slot 866
 * migrating on the first master, importing on the second, a key still on the
 * first: redis-cli's Case 1) and a slot that lost its owner but not its keys.
 * Each run starts from the same state; the slot goes back to the first master after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.js';
import { runProgram } from './support/run-both.js';
import { nodeCommand, nodeId, runBothOnCluster, startCluster, type Cluster } from './support/cluster-both.js';

let cluster: Cluster;
const node = (index: number) => cluster.nodes[index - 1] ?? cluster.entry;
const address = (index: number) => `127.0.0.1:${node(index).target.spec.port}`;
const SLOT = '866';

beforeAll(async () => {
  cluster = await startCluster(true);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

async function settled(): Promise<void> {
  await waitUntil(async () => {
    const run = await runProgram('redis-cli', ['--cluster', 'check', address(1)], '', { REDISCLI_AUTH: cluster.password });
    return run.code === 0;
  }, 'the cluster to settle', 30_000);
}

/** Slot 866 empty and owned by the first master again, on every master. */
async function slotBackToFirst(): Promise<void> {
  const first = await nodeId(cluster, node(1));
  for (const index of [1, 2, 3]) await nodeCommand(cluster, node(index), ['FLUSHALL']);
  for (const index of [2, 3, 1]) await nodeCommand(cluster, node(index), ['CLUSTER', 'SETSLOT', SLOT, 'NODE', first]);
  await settled();
}

describe('differential: --cluster fix', () => {
  it('a healthy cluster: the check, nothing to fix', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'fix', address(1)], '', { prepare: settled });
    expect(theirs.code).toBe(0);
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('an interrupted reshard: Case 1 moves the slot and its key', async () => {
    const prepare = async () => {
      await settled();
      const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
      await nodeCommand(cluster, node(1), ['SET', 'hello', 'world']);
      await nodeCommand(cluster, node(2), ['CLUSTER', 'SETSLOT', SLOT, 'IMPORTING', from]);
      await nodeCommand(cluster, node(1), ['CLUSTER', 'SETSLOT', SLOT, 'MIGRATING', to]);
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'fix', address(1)], '', { prepare, cleanUp: slotBackToFirst });
    expect(theirs.stdout).toContain('>>> Case 1: Moving slot 866 from');
    expect(ours).toEqual(theirs);
  }, 60_000);

  it('a slot without an owner, its keys on one node: covered by that node after a yes', async () => {
    const prepare = async () => {
      await settled();
      await nodeCommand(cluster, node(1), ['SET', 'hello', 'world']);
      await nodeCommand(cluster, node(1), ['CLUSTER', 'DELSLOTS', SLOT]);
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'fix', address(1)], 'yes\n', { prepare, cleanUp: slotBackToFirst });
    expect(theirs.stdout).toContain('The following uncovered slots have keys in just one node:');
    expect(ours).toEqual(theirs);
  }, 60_000);
});
