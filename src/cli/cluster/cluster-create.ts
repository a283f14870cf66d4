/**
 * `--cluster create host:port ... [--cluster-replicas N] [--cluster-yes]`
 * as redis-cli 7.0 does it (clusterManagerCommandCreate()): check every node
 * is an empty cluster node, give the masters even slot ranges, pick
 * replicas, ask, then ADDSLOTS / REPLICATE, a config epoch each, MEET,
 * wait for the nodes to agree, and run the check from the first node.
 */
import { checkCluster } from './cluster-check.js';
import { confirmWithYes } from './confirm.js';
import { isClusterNode, isEmptyNode, loadClusterFromNode, loadNodeInfo, parseNodeAddress, printNotClusterNode } from './load-cluster.js';
import type { ManagerContext } from './manager-context.js';
import { CLUSTER_SLOTS, ManagerNode } from './manager-node.js';
import { nodeInfo } from './node-text.js';
import { optimizeAntiAffinity } from './anti-affinity.js';
import { flushNodeConfig, waitForClusterJoin } from './node-config.js';

const NOT_EMPTY = 'is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0.';

export async function clusterCreate(context: ManagerContext, args: string[]): Promise<boolean> {
  const { log } = context;
  for (const address of args) {
    const parsed = parseNodeAddress(address);
    if (parsed === null) {
      log.stderr(`Invalid address format: ${address}\n`);
      return false;
    }
    const node = new ManagerNode(parsed.ip, parsed.port);
    if (!(await node.connect(context.credentials, log))) return false;
    const cluster = await isClusterNode(node);
    if (!cluster.cluster) {
      printNotClusterNode(context, node, cluster.error);
      node.close();
      return false;
    }
    const loaded = await loadNodeInfo(node, false);
    if ('error' in loaded) {
      if (loaded.error !== null) log.replyError(node, loaded.error);
      node.close();
      return false;
    }
    const empty = await isEmptyNode(node);
    if (!empty.empty) {
      log.err(`[ERR] Node ${node.address} ${empty.error ?? NOT_EMPTY}\n`);
      node.close();
      return false;
    }
    context.nodes.push(node);
  }
  const nodeCount = context.nodes.length;
  const replicas = context.options.replicas;
  const mastersCount = Math.trunc(nodeCount / (replicas + 1));
  if (mastersCount < 3) {
    log.err(
      '*** ERROR: Invalid configuration for cluster creation.\n' +
        '*** Redis Cluster requires at least 3 master nodes.\n' +
        `*** This is not possible with ${nodeCount} nodes and ${replicas} replicas per node.`,
    );
    log.err(`\n*** At least ${3 * (replicas + 1)} nodes are required.\n`);
    return false;
  }
  log.info(`>>> Performing hash slots allocation on ${nodeCount} nodes...\n`);
  const byIp = groupByIp(context.nodes);
  const interleaved = interleave(byIp.map((group) => [...group]), nodeCount);
  const masters = interleaved.slice(0, mastersCount);
  assignSlots(context, masters);
  assignReplicas(context, masters, interleaved.slice(mastersCount), replicas);
  optimizeAntiAffinity(context, byIp);
  for (const node of context.nodes) log.print(`${nodeInfo(node)}\n`);
  if (!(await confirmWithYes(context, 'Can I set the above configuration?', false))) return true;
  for (const node of context.nodes) {
    const flushed = await flushNodeConfig(node);
    if (!flushed.ok && node.dirty && node.replicate === null) {
      if (flushed.error !== null) log.replyError(node, flushed.error);
      return false;
    }
  }
  log.info('>>> Nodes configuration updated\n');
  log.info('>>> Assign a different config epoch to each node\n');
  let epoch = 1;
  for (const node of context.nodes) await node.command(['cluster', 'set-config-epoch', String(epoch++)]);
  log.info('>>> Sending CLUSTER MEET messages to join the cluster\n');
  if (!(await meetFirst(context))) return false;
  // redis-cli gives the join a second to start, so that nodes still empty do not look in agreement.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await waitForClusterJoin(context);
  for (const node of context.nodes) {
    if (!node.dirty) continue;
    const flushed = await flushNodeConfig(node);
    if (!flushed.ok && node.replicate === null) {
      if (flushed.error !== null) log.replyError(node, flushed.error);
      return false;
    }
  }
  const [first, ...rest] = context.nodes;
  for (const node of rest) node.close();
  context.nodes = [];
  if (first === undefined || !(await loadClusterFromNode(context, reloaded(first)))) return false;
  await checkCluster(context, false);
  return true;
}

/** The first node as a fresh manager node on its open connection, as redis-cli keeps its struct but reloads it. */
function reloaded(node: ManagerNode): ManagerNode {
  const fresh = new ManagerNode(node.ip, node.port, node.busPort);
  fresh.connection = node.connection;
  return fresh;
}

function groupByIp(nodes: readonly ManagerNode[]): ManagerNode[][] {
  const groups: ManagerNode[][] = [];
  for (const node of nodes) {
    const group = groups.find((candidate) => candidate[0]?.ip === node.ip);
    if (group !== undefined) group.push(node);
    else groups.push([node]);
  }
  return groups;
}

/** One node of each IP in turn, so masters spread over hosts. */
function interleave(groups: ManagerNode[][], count: number): ManagerNode[] {
  const result: ManagerNode[] = [];
  while (result.length < count) {
    for (const group of groups) {
      const next = group.shift();
      if (next !== undefined) result.push(next);
    }
  }
  return result;
}

function assignSlots(context: ManagerContext, masters: readonly ManagerNode[]): void {
  // C floats: slots_per_node and the cursor are single precision, and lround() rounds half away from zero.
  const slotsPerNode = Math.fround(CLUSTER_SLOTS / masters.length);
  let first = 0;
  let cursor = Math.fround(0);
  masters.forEach((master, index) => {
    let last = lround(Math.fround(Math.fround(cursor + slotsPerNode) - 1));
    if (last > CLUSTER_SLOTS || index === masters.length - 1) last = CLUSTER_SLOTS - 1;
    if (last < first) last = first;
    context.log.print(`Master[${index}] -> Slots ${first} - ${last}\n`);
    master.resetSlots();
    for (let slot = first; slot <= last; slot++) master.slots[slot] = 1;
    master.slotsCount = last - first + 1;
    master.dirty = true;
    first = last + 1;
    cursor = Math.fround(cursor + slotsPerNode);
  });
}

function lround(value: number): number {
  return value < 0 ? -Math.round(-value) : Math.round(value);
}

/** The replica loop of clusterManagerCommandCreate(), `Adding extra replicas...` pass included. */
function assignReplicas(context: ManagerContext, masters: readonly ManagerNode[], spare: ManagerNode[], replicas: number): void {
  // Rotating the list sometimes gives a better start for the anti-affinity optimizer (redis-cli's words).
  let pool: Array<ManagerNode | null> = spare.length > 0 ? [...spare.slice(1), spare[0] as ManagerNode] : [];
  let available = pool.length;
  let assignUnused = false;
  for (;;) {
    for (const master of masters) {
      let assigned = 0;
      while (assigned < replicas) {
        if (available === 0) break;
        let replica: ManagerNode | null = null;
        let firstSameHost = -1;
        for (let j = 0; j < pool.length; j++) {
          const candidate = pool[j];
          if (candidate === null || candidate === undefined) continue;
          if (candidate.ip !== master.ip) {
            replica = candidate;
            pool[j] = null;
            break;
          }
          if (firstSameHost < 0) firstSameHost = j;
        }
        if (replica === null && firstSameHost >= 0) {
          replica = pool[firstSameHost] ?? null;
          pool = pool.slice(firstSameHost + 1);
        }
        if (replica === null) break;
        assigned++;
        available--;
        replica.replicate = master.name;
        replica.dirty = true;
        context.log.print(`Adding replica ${replica.address} to ${master.address}\n`);
        if (assignUnused) break;
      }
    }
    if (assignUnused || available <= 0) return;
    assignUnused = true;
    context.log.print('Adding extra replicas...\n');
  }
}

/** Every node but the first is told to MEET the first (with its bus port when that is not port + 10000). */
async function meetFirst(context: ManagerContext): Promise<boolean> {
  const [first, ...rest] = context.nodes;
  if (first === undefined) return true;
  for (const node of rest) {
    const words =
      first.busPort === 0 || first.busPort === first.port + 10_000
        ? ['cluster', 'meet', first.ip, String(first.port)]
        : ['cluster', 'meet', first.ip, String(first.port), String(first.busPort)];
    const reply = await node.command(words);
    if (reply === null) {
      context.log.stderr('Failed to send CLUSTER MEET command.\n');
      return false;
    }
    if (reply.type === 'error') {
      context.log.replyError(node, reply.value.toString('utf8'));
      return false;
    }
  }
  return true;
}
