/**
 * `--cluster info` and the check that `check`, `fix`, `create`, `reshard`
 * and `add-node` run (clusterManagerShowClusterInfo() and
 * clusterManagerCheckCluster()): keys and slots per master, the node
 * blocks, agreement on the slot map, open slots, coverage.
 */
import { onError, type ManagerContext } from './manager-context.js';
import { printfFixed2 } from './c-numbers.js';
import { CLUSTER_SLOTS, replyText, type ManagerNode } from './manager-node.js';
import { searchMultipleOwners } from './multiple-owners.js';
import { nodeInfo } from './node-text.js';
import { RedisDict } from './redis-dict.js';

/** clusterManagerShowClusterInfo(). */
export async function showClusterInfo(context: ManagerContext): Promise<void> {
  const { log } = context;
  let masters = 0;
  let keys = 0;
  for (const node of context.nodes) {
    if (node.replica || node.name === null) continue;
    const replicas = context.nodes.filter((other) => other !== node && other.replica && other.replicate === node.name).length;
    const reply = await node.command(['DBSIZE']);
    const dbsize = reply?.type === 'integer' ? Number(reply.value) : -1;
    if (dbsize < 0) {
      log.replyError(node, reply?.type === 'error' ? reply.value.toString('utf8') : '');
      return;
    }
    log.print(`${node.address} (${node.name.slice(0, 8)}...) -> ${dbsize} keys | ${node.slotsCount} slots | ${replicas} slaves.\n`);
    masters++;
    keys += dbsize;
  }
  log.ok(`[OK] ${keys} keys in ${masters} masters.\n`);
  // C divides by (float)16384 and printf("%.2f") prints that float promoted to double.
  log.print(`${printfFixed2(keys / CLUSTER_SLOTS)} keys per slot on average.\n`);
}

/**
 * clusterManagerCheckCluster(). `fixOpenSlot` and `fixCoverage` are the
 * repairs `fix` makes (absent for a plain check). @returns redis-cli's result.
 */
export async function checkCluster(context: ManagerContext, quiet: boolean, repairs: CheckRepairs = {}): Promise<boolean> {
  const { log } = context;
  const first = context.nodes[0];
  if (first === undefined) return false;
  log.info(`>>> Performing Cluster Check (using node ${first.address})\n`);
  let result = true;
  if (!quiet) for (const node of context.nodes) log.print(`${nodeInfo(node)}\n`);
  if (!(await configConsistent(context.nodes))) {
    onError(context, "[ERR] Nodes don't agree about configuration!");
    result = false;
  } else {
    log.ok('[OK] All nodes agree about slots configuration.\n');
  }
  log.info('>>> Check for open slots...\n');
  // redis-cli collects them in a dict and lists them in its order.
  const open = new RedisDict<string>();
  for (const node of context.nodes) {
    for (const [state, pairs] of [
      ['migrating', node.migrating],
      ['importing', node.importing],
    ] as const) {
      if (pairs.length === 0) continue;
      for (const [slot, other] of pairs) open.replace(slot, other);
      onError(context, `[WARNING] Node ${node.address} has slots in ${state} state ${pairs.map(([slot]) => slot).join(',')}.`);
    }
  }
  const openSlots = open.entries().map(([slot]) => slot);
  if (openSlots.length > 0) {
    result = false;
    log.err(`[WARNING] The following slots are open: ${openSlots.join(',')}.\n`);
    if (repairs.fixOpenSlot !== undefined) {
      for (const slot of openSlots) {
        result = await repairs.fixOpenSlot(Number(slot));
        if (!result) break;
      }
    }
  }
  log.info('>>> Check slots coverage...\n');
  const covered = new Uint8Array(CLUSTER_SLOTS);
  let coverage = 0;
  for (const node of context.nodes) {
    for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
      if (node.slots[slot] && !covered[slot]) {
        covered[slot] = 1;
        coverage++;
      }
    }
  }
  if (coverage === CLUSTER_SLOTS) {
    log.ok(`[OK] All ${CLUSTER_SLOTS} slots covered.\n`);
  } else {
    onError(context, `[ERR] Not all ${CLUSTER_SLOTS} slots are covered by nodes.\n`);
    result = false;
    if (repairs.fixCoverage !== undefined && (await repairs.fixCoverage(covered)) > 0) result = true;
  }
  if (context.options.searchMultipleOwners) result = await searchMultipleOwners(context, result);
  return result;
}

export interface CheckRepairs {
  fixOpenSlot?: (slot: number) => Promise<boolean>;
  /** @returns how many slots it covered. */
  fixCoverage?: (covered: Uint8Array) => Promise<number>;
}

/** clusterManagerIsConfigConsistent(): every node's signature of the slot map is the same. */
export async function configConsistent(nodes: readonly ManagerNode[]): Promise<boolean> {
  if (nodes.length <= 1) return true;
  let first: string | null = null;
  for (const node of nodes) {
    const signature = await configSignature(node);
    if (signature === null) return false;
    if (first === null) first = signature;
    else if (signature !== first) return false;
  }
  return true;
}

/** clusterManagerGetConfigSignature(): `id:slots,...|id:slots` of the nodes with slots, sorted (strcmp). */
export async function configSignature(node: ManagerNode): Promise<string | null> {
  const reply = await node.command(['CLUSTER', 'NODES']);
  if (reply === null || reply.type === 'error') return null;
  const configs: string[] = [];
  const lines = (replyText(reply) ?? '').split('\n');
  lines.pop();
  for (const line of lines) {
    const fields = line.split(' ');
    if (fields.length < 9) continue;
    const slots = fields
      .slice(8)
      .filter((definition) => definition !== '' && !definition.startsWith('['))
      .sort(byteOrder);
    if (slots.length > 0) configs.push(`${fields[0] ?? ''}:${slots.join(',')}`);
  }
  if (configs.length === 0) return null;
  return configs.sort(byteOrder).join('|');
}

function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
