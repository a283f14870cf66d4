/**
 * `redis-tutor cli --cluster reshard|add-node|del-node` against the real
 * redis-cli 7.0.15 on a real local cluster: six nodes joined (3 masters,
 * 3 replicas) and a seventh left out to add and remove. Each run starts from
 * the same state: a reshard is undone by redis-cli, an added node is
 * forgotten and reset with a new id (so no node's 60-second ban on a
 * forgotten id gets in the way), and that id is the one thing normalized.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinCluster } from '../../src/redis/topology/join-cluster.js';
import { startTopology } from '../../src/redis/topology/start-topology.js';
import { waitUntil } from '../support/wait-until.js';
import { runProgram } from './support/run-both.js';
import { nodeCommand, nodeId, nodeText, runBothOnCluster, type Cluster, type ClusterRun } from './support/cluster-both.js';

let cluster: Cluster;
const node = (index: number) => cluster.nodes[index - 1] ?? cluster.entry;
const address = (index: number) => `127.0.0.1:${node(index).target.spec.port}`;
const joined = () => cluster.nodes.slice(0, 6);

beforeAll(async () => {
  cluster = await startTopology({ kind: 'cluster', nodes: 7, joined: false }, { handleSignals: false, readyTimeoutMs: 60_000 });
  await joinCluster(
    joined().map((member) => ({ name: member.name, spec: member.target.spec })),
    1,
    60_000,
  );
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

/** redis-cli's own check passes: every node agrees, nothing open. */
async function settled(): Promise<void> {
  let last = '';
  try {
    await waitUntil(async () => {
      const run = await runProgram('redis-cli', ['--cluster', 'check', address(1)], '', { REDISCLI_AUTH: cluster.password });
      last = run.stdout.toString();
      return run.code === 0;
    }, 'the cluster to settle', 30_000);
  } catch (error) {
    throw new Error(`${String(error)}; redis-cli's last check said:\n${last}`, { cause: error });
  }
}

/** Keys (by hash tag) in slots 0, 1 and 2: what a reshard of the lowest slots moves. */
function keysInLowSlots(): string[] {
  const keys: string[] = [];
  for (const slot of [0, 1, 2]) {
    let n = 0;
    while (crc16(`t${n}`) % 16_384 !== slot) n++;
    keys.push(`{t${n}}a`, `{t${n}}b`);
  }
  return keys;
}

/** CRC16/XMODEM, Redis Cluster's key hash. */
function crc16(text: string): number {
  let crc = 0;
  for (const byte of Buffer.from(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('differential: --cluster reshard', () => {
  it('ten slots from the first master to the second, with --cluster-from/-to/-slots/-yes', async () => {
    const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
    const prepare = async () => {
      await settled();
      for (const key of keysInLowSlots()) await nodeCommand(cluster, node(1), ['SET', key, 'v']);
    };
    const cleanUp = async () => {
      await nodeCommand(cluster, node(2), ['FLUSHALL']);
      await settled();
      const back = await runProgram('redis-cli', ['--cluster', 'reshard', address(1), '--cluster-from', to, '--cluster-to', from, '--cluster-slots', '10', '--cluster-yes'], '', {
        REDISCLI_AUTH: cluster.password,
      });
      expect(back.code).toBe(0);
      await settled();
    };
    const args = ['--cluster', 'reshard', address(1), '--cluster-from', from, '--cluster-to', to, '--cluster-slots', '10', '--cluster-yes'];
    const { theirs, ours } = await runBothOnCluster(cluster, args, '', { prepare, cleanUp });
    expect(theirs.stdout).toContain(`Moving slot 0 from ${address(1)} to ${address(2)}: ..\n`);
    expect(ours).toEqual(theirs);
  }, 120_000);

  it.each<[string, (ids: string[]) => string[], string]>([
    ['an unknown target id', (ids) => ['--cluster-to', 'nosuchid', '--cluster-from', ids[0] as string, '--cluster-slots', '1'], ''],
    ['a replica as the source', (ids) => ['--cluster-to', ids[1] as string, '--cluster-from', ids[3] as string, '--cluster-slots', '1'], ''],
    ['the plan refused', (ids) => ['--cluster-to', ids[1] as string, '--cluster-from', ids[0] as string, '--cluster-slots', '3'], 'no\n'],
    ['all sources, the plan shown', (ids) => ['--cluster-to', ids[1] as string, '--cluster-from', 'all', '--cluster-slots', '5'], 'no\n'],
  ])('%s', async (_name, options, input) => {
    const ids = await Promise.all(cluster.nodes.slice(0, 6).map((member) => nodeId(cluster, member)));
    // Replicas are nodes 4-6; which master each follows does not matter here.
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'reshard', address(1), ...options(ids)], input, { prepare: settled });
    expect(ours).toEqual(theirs);
  }, 60_000);
});

describe('--cluster reshard on a terminal, its questions answered as typed', () => {
  it('the same questions, echo and moves as redis-cli', async () => {
    const { startInPty } = await import('../redis-cli/line-editor/support/redis-cli-oracle.js');
    const { BIN } = await import('./support/run-both.js');
    const [from, to] = await Promise.all([nodeId(cluster, node(1)), nodeId(cluster, node(2))]);
    const env = { REDISCLI_AUTH: cluster.password };
    const runs: Array<{ typed: string; screen: string[] }> = [];
    for (const [command, prefix] of [
      ['redis-cli', []],
      [process.execPath, [BIN, 'cli']],
    ] as const) {
      await settled();
      for (const key of keysInLowSlots()) await nodeCommand(cluster, node(1), ['SET', key, 'v']);
      const session = await startInPty(command, [...prefix, '--cluster', 'reshard', address(1)], { env, ready: (out) => out.includes('How many slots') });
      let typed = '';
      typed += await session.type('3\r', (out) => out.includes('receiving node ID? '));
      typed += await session.type(`${to}\r`, (out) => out.includes('Source node #1: '));
      typed += await session.type(`${from}\r`, (out) => out.includes('Source node #2: '));
      typed += await session.type('done\r', (out) => out.includes('(yes/no)? '));
      // What the moves print comes after the answer, at the program's pace: compared on the screen once all is drawn.
      await session.type('yes\r');
      expect(await session.exited).toBe(0);
      await session.waitForScreen((shown) => shown.screen().includes(`Moving slot 2 from ${address(1)} to ${address(2)}: ..`), 'the last move');
      runs.push({ typed, screen: session.screen() });
      session.close();
      await nodeCommand(cluster, node(2), ['FLUSHALL']);
      await settled();
      const back = await runProgram('redis-cli', ['--cluster', 'reshard', address(1), '--cluster-from', to, '--cluster-to', from, '--cluster-slots', '3', '--cluster-yes'], '', env);
      expect(back.code).toBe(0);
    }
    expect(runs[0]?.typed).toContain('Source node #2: ');
    expect(runs[1]).toEqual(runs[0]);
  }, 120_000);
});

describe('differential: --cluster add-node and del-node', () => {
  const spare = () => node(7);
  let spareId = '';
  /** The spare node empty, knowing no one, with a new id; the cluster knowing nothing of it. */
  const freshSpare = async () => {
    await nodeCommand(cluster, spare(), ['FLUSHALL']).catch(() => undefined);
    await nodeCommand(cluster, spare(), ['CLUSTER', 'RESET', 'HARD']);
    spareId = await nodeId(cluster, spare());
    await settled();
  };
  const forgetSpare = async () => {
    // Gossip still spreading the spare would bring it back to a node that forgot it first: wait until all know it.
    await waitUntil(async () => {
      const views = await Promise.all(joined().map((member) => nodeText(cluster, member, ['CLUSTER', 'NODES'])));
      return views.every((view) => view.includes(spareId));
    }, 'every node to know the spare before it is forgotten', 30_000);
    await Promise.all(joined().map((member) => nodeCommand(cluster, member, ['CLUSTER', 'FORGET', spareId])));
    await nodeCommand(cluster, spare(), ['CLUSTER', 'RESET', 'HARD']);
    await settled();
  };
  const withoutSpareId = (run: ClusterRun, id: string): ClusterRun => ({
    ...run,
    stdout: run.stdout.replaceAll(id, '<spare id>').replace(/(Waiting for the cluster to join\n)\.*\n/, '$1<dots>\n'),
    stderr: run.stderr.replaceAll(id, '<spare id>'),
  });

  it('add-node as a master', async () => {
    const ids: string[] = [];
    const prepare = async () => {
      await freshSpare();
      ids.push(spareId);
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'add-node', address(7), address(1)], '', { prepare, cleanUp: forgetSpare });
    expect(theirs.stdout).toContain('[OK] New node added correctly.');
    expect(withoutSpareId(ours, ids[1] as string)).toEqual(withoutSpareId(theirs, ids[0] as string));
  }, 120_000);

  it('add-node as a replica (--cluster-slave): the master with fewest replicas, then REPLICATE', async () => {
    const ids: string[] = [];
    const prepare = async () => {
      await freshSpare();
      ids.push(spareId);
    };
    const args = ['--cluster', 'add-node', address(7), address(1), '--cluster-slave'];
    const { theirs, ours } = await runBothOnCluster(cluster, args, '', { prepare, cleanUp: forgetSpare });
    expect(theirs.stdout).toContain('Automatically selected master');
    expect(withoutSpareId(ours, ids[1] as string)).toEqual(withoutSpareId(theirs, ids[0] as string));
  }, 120_000);

  it('del-node of a node that joined', async () => {
    const ids: string[] = [];
    const prepare = async () => {
      await freshSpare();
      ids.push(spareId);
      await nodeCommand(cluster, spare(), ['CLUSTER', 'MEET', '127.0.0.1', String(node(1).target.spec.port), String(await busPort(1))]);
      await waitUntil(async () => {
        const counts = await Promise.all(cluster.nodes.map((member) => nodeText(cluster, member, ['CLUSTER', 'INFO'])));
        return counts.every((info) => info.includes('cluster_known_nodes:7'));
      }, 'every node to know the spare', 30_000);
    };
    const args = (id: string) => ['--cluster', 'del-node', address(1), id];
    // Each run deletes its own spare id: run both by hand, each with the id its preparation made.
    const theirsRun = await runBothOnClusterWithId(prepare, args, ids, 0);
    const oursRun = await runBothOnClusterWithId(prepare, args, ids, 1);
    expect(theirsRun.stdout).toContain('>>> Sending CLUSTER RESET SOFT to the deleted node.');
    expect(withoutSpareId(oursRun, ids[1] as string)).toEqual(withoutSpareId(theirsRun, ids[0] as string));
  }, 120_000);

  it('del-node errors: an unknown id, a master with slots', async () => {
    const masterId = await nodeId(cluster, node(1));
    for (const id of ['0000000000000000000000000000000000000000', masterId]) {
      const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'del-node', address(1), id], '', { prepare: settled });
      expect(theirs.code).toBe(1);
      expect(ours).toEqual(theirs);
    }
  }, 60_000);
});

async function busPort(index: number): Promise<number> {
  const nodes = await nodeText(cluster, node(index), ['CLUSTER', 'NODES']);
  const mine = nodes.split('\n').find((line) => line.includes('myself')) ?? '';
  return Number(/@(\d+)/.exec(mine)?.[1]);
}

/** One program's del-node run (0: redis-cli, 1: the tutor) after its own preparation. */
async function runBothOnClusterWithId(prepare: () => Promise<void>, args: (id: string) => string[], ids: string[], which: 0 | 1): Promise<ClusterRun> {
  await prepare();
  const id = ids[which] as string;
  const { BIN } = await import('./support/run-both.js');
  const env = { REDISCLI_AUTH: cluster.password };
  const result = which === 0 ? await runProgram('redis-cli', args(id), '', env) : await runProgram(process.execPath, [BIN, 'cli', ...args(id)], '', env);
  await settled();
  return { stdout: result.stdout.toString('latin1'), stderr: result.stderr.toString('latin1'), code: result.code };
}
