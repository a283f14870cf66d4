/**
 * `redis-tutor cli --cluster create` against the real redis-cli 7.0.15 on
 * real cluster nodes not yet joined: each program creates the cluster from
 * the same six nodes (reset between the runs, so the ids and ports are the
 * same). Byte for byte but for what redis-cli itself leaves to chance or
 * the clock, normalized in both: which master each replica gets after the
 * anti-affinity shuffle (every node is on 127.0.0.1, so redis-cli's choice
 * is random), the order of the final check's node blocks (the order of the
 * first node's CLUSTER NODES, which follows its gossip), and the number of
 * dots while the nodes agree (one a second).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeCommand, runBothOnCluster, startCluster, type Cluster, type ClusterRun } from './support/cluster-both.js';

let cluster: Cluster;
const addresses = () => cluster.nodes.map((node) => `127.0.0.1:${node.target.spec.port}`);

beforeAll(async () => {
  cluster = await startCluster(false);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

/** Back to six empty nodes that know no one, with the same ids (RESET SOFT keeps them). */
async function unjoin(): Promise<void> {
  await Promise.all(
    cluster.nodes.map(async (node) => {
      const role = await nodeCommand(cluster, node, ['ROLE']);
      const master = role.type === 'array' && role.items[0]?.type === 'bulk' && role.items[0].value.toString() === 'master';
      if (master) await nodeCommand(cluster, node, ['FLUSHALL']);
    }),
  );
  await Promise.all(cluster.nodes.map((node) => nodeCommand(cluster, node, ['CLUSTER', 'RESET', 'SOFT'])));
}

const REPLICATES = /replicates [0-9a-f]{40}/g;

function normalized(run: ClusterRun): ClusterRun {
  const stdout = run.stdout.replace(REPLICATES, 'replicates <a master>').replace(/(Waiting for the cluster to join\n)\.*\n/, '$1<dots>\n');
  const at = stdout.indexOf('>>> Performing Cluster Check');
  if (at < 0) return { ...run, stdout };
  const check = stdout.slice(at);
  // After the header's line, and after the colour reset that follows it (TERM=xterm).
  const afterHeader = check.indexOf('\n') + 1;
  const blocksStart = check.startsWith('\x1b[0m', afterHeader) ? afterHeader + 4 : afterHeader;
  // The blocks end where the next line starts, its colour code (TERM=xterm) included.
  const agree = check.indexOf('[OK] All nodes agree');
  const blocksEnd = check.lastIndexOf('\n', agree) + 1;
  const blocks = check
    .slice(blocksStart, blocksEnd)
    .split(/\n(?=[MS]: )/)
    .map((block) => block.replace(/\n$/, ''))
    .sort();
  return { ...run, stdout: `${stdout.slice(0, at)}${check.slice(0, blocksStart)}${blocks.join('\n')}\n${check.slice(blocksEnd)}` };
}

/** From the final check: each replica's master id, and the masters' ids. */
function pairing(stdout: string): { masters: string[]; replicaOf: string[] } {
  const check = stdout.slice(stdout.indexOf('>>> Performing Cluster Check'));
  const masters = [...check.matchAll(/^M: ([0-9a-f]{40})/gm)].map((match) => match[1] as string);
  const replicaOf = [...check.matchAll(/replicates ([0-9a-f]{40})/g)].map((match) => match[1] as string);
  return { masters: masters.sort(), replicaOf: replicaOf.sort() };
}

describe('differential: --cluster create', () => {
  it('six nodes, --cluster-replicas 1 --cluster-yes: three masters, one replica each', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'create', ...addresses(), '--cluster-replicas', '1', '--cluster-yes'], '', {
      cleanUp: unjoin,
    });
    expect(theirs.stdout).toContain('[OK] All 16384 slots covered.');
    expect(normalized(ours)).toEqual(normalized(theirs));
    const mine = pairing(ours.stdout);
    expect(mine.masters).toHaveLength(3);
    expect(mine.replicaOf).toEqual(mine.masters);
  }, 90_000);

  it('REDISCLI_CLUSTER_YES=1 answers the question', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'create', ...addresses(), '--cluster-replicas', '1'], '', {
      cleanUp: unjoin,
      env: { REDISCLI_CLUSTER_YES: '1' },
    });
    expect(theirs.stdout).not.toContain('Can I set the above configuration?');
    expect(normalized(ours)).toEqual(normalized(theirs));
  }, 90_000);

  it('the question answered on stdin, in colour', async () => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'create', ...addresses(), '--cluster-replicas', '1'], 'yes\n', {
      cleanUp: unjoin,
      env: { TERM: 'xterm' },
    });
    expect(theirs.stdout).toContain("Can I set the above configuration? (type 'yes' to accept): ");
    expect(normalized(ours)).toEqual(normalized(theirs));
  }, 90_000);

  it.each<[string, (all: string[]) => string[], string]>([
    ['the question answered no: nothing is changed', (all) => [...all, '--cluster-replicas', '1'], 'no\n'],
    ['three masters, no replicas', (all) => all.slice(0, 3), ''],
    ['too few nodes for the replicas asked', (all) => [...all.slice(0, 5), '--cluster-replicas', '1', '--cluster-yes'], ''],
    ['a bad address', (all) => [...all.slice(0, 2), 'nowhere', '--cluster-yes'], ''],
  ])('%s', async (_name, args, input) => {
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'create', ...args(addresses()), ...(input === '' ? ['--cluster-yes'] : [])], input, {
      cleanUp: unjoin,
    });
    expect(normalized(ours)).toEqual(normalized(theirs));
  }, 90_000);

  it('a node that already knows others is refused', async () => {
    const prepare = async () => {
      const [first, second] = cluster.nodes;
      if (first === undefined || second === undefined) return;
      await nodeCommand(cluster, first, ['CLUSTER', 'MEET', '127.0.0.1', String(second.target.spec.port)]);
      await waitForMeet(first);
    };
    const { theirs, ours } = await runBothOnCluster(cluster, ['--cluster', 'create', ...addresses(), '--cluster-yes'], '', { prepare, cleanUp: unjoin });
    expect(theirs.stdout).toContain('is not empty.');
    expect(ours).toEqual(theirs);
  }, 90_000);
});

async function waitForMeet(node: Cluster['nodes'][number]): Promise<void> {
  const { waitUntil } = await import('../support/wait-until.js');
  await waitUntil(async () => {
    const info = await nodeCommand(cluster, node, ['CLUSTER', 'INFO']);
    return info.type === 'bulk' && /cluster_known_nodes:2/.test(info.value.toString());
  }, 'the MEET to be known');
}
