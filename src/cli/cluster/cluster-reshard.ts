/**
 * `--cluster reshard host:port` (clusterManagerCommandReshard()): the check
 * first, then how many slots, where to and from where (the --cluster-slots,
 * --cluster-to and --cluster-from options or the questions), the plan, a
 * yes (or --cluster-yes), and every slot moved with a dot per key.
 * At the end of stdin a question is not asked again: redis-cli asks forever.
 */
import { checkCluster } from './cluster-check.js';
import { atoi } from './c-numbers.js';
import { nodeByName, type ManagerContext } from './manager-context.js';
import { CLUSTER_SLOTS, type ManagerNode } from './manager-node.js';
import { moveSlot } from './move-slot.js';
import { nodeInfo } from './node-text.js';
import { loadFromArgs } from './load-from-args.js';

export async function clusterReshard(context: ManagerContext, args: string[]): Promise<boolean> {
  const { log, options } = context;
  if (!(await loadFromArgs(context, args))) return false;
  await checkCluster(context, false);
  if (context.errors.length > 0) {
    log.stderr('*** Please fix your cluster problems before resharding\n');
    return false;
  }
  let slots = options.slots;
  while (slots <= 0 || slots > CLUSTER_SLOTS) {
    const answer = await ask(context, `How many slots do you want to move (from 1 to ${CLUSTER_SLOTS})? `, 5);
    if (answer === null) return false;
    slots = atoi(answer);
  }
  let to = options.to;
  while (to === undefined) {
    const answer = await ask(context, 'What is the receiving node ID? ', 254);
    if (answer === null) return false;
    if (answer !== '') to = answer;
  }
  const target = nodeForResharding(context, to, null);
  if (target.node === null) return false;
  let sources: ManagerNode[] = [];
  let all = false;
  if (options.from === undefined) {
    log.print('Please enter all the source node IDs.\n');
    log.print("  Type 'all' to use all the nodes as source nodes for the hash slots.\n");
    log.print("  Type 'done' once you entered all the source nodes IDs.\n");
    for (;;) {
      const answer = await ask(context, `Source node #${sources.length + 1}: `, 254);
      if (answer === null) return false;
      if (answer === 'done') break;
      if (answer === 'all') {
        all = true;
        break;
      }
      const source = nodeForResharding(context, answer, target.node);
      if (source.node !== null) sources.push(source.node);
      else if (source.raise) return false;
    }
  } else {
    const ids = options.from.split(',');
    // The text after the last comma counts only when not empty; an empty one before a comma is looked up (and unknown).
    if (ids[ids.length - 1] === '') ids.pop();
    for (const id of ids) {
      if (id === 'all') {
        all = true;
        break;
      }
      const source = nodeForResharding(context, id, target.node);
      if (source.node !== null) sources.push(source.node);
      else if (source.raise) return false;
    }
  }
  if (all) sources = context.nodes.filter((node) => !node.replica && node.replicate === null && node.name !== target.node?.name);
  if (sources.length === 0) {
    log.stderr('*** No source nodes given, operation aborted.\n');
    return false;
  }
  log.print(`\nReady to move ${slots} slots.\n`);
  log.print('  Source nodes:\n');
  for (const source of sources) log.print(`${nodeInfo(source, 4)}\n`);
  log.print('  Destination node:\n');
  log.print(`${nodeInfo(target.node, 4)}\n`);
  const table = reshardTable(sources, slots);
  log.print('  Resharding plan:\n');
  for (const item of table) log.print(`    Moving slot ${item.slot} from ${item.source.name ?? ''}\n`);
  if (!options.yes) {
    log.print('Do you want to proceed with the proposed reshard plan (yes/no)? ');
    await log.flush();
    const answer = await context.readAnswer(4);
    if (answer === null || !answer.startsWith('yes')) return false;
  }
  for (const item of table) {
    const moved = await moveSlot(context, item.source, target.node, item.slot, { verbose: true, quiet: false, update: false });
    if (!moved.ok) {
      if (moved.error !== null) log.err(`clusterManagerMoveSlot failed: ${moved.error}\n`);
      return false;
    }
  }
  return true;
}

async function ask(context: ManagerContext, question: string, maxBytes: number): Promise<string | null> {
  context.log.print(question);
  await context.log.flush();
  return context.readAnswer(maxBytes);
}

/** clusterNodeForResharding(): a known master, not the target; `raise` when the id is unknown or a replica. */
function nodeForResharding(context: ManagerContext, id: string, target: ManagerNode | null): { node: ManagerNode | null; raise: boolean } {
  const node = nodeByName(context, id);
  if (node === undefined || node.replica) {
    context.log.err(`*** The specified node (${id}) is not known or not a master, please retry.\n`);
    return { node: null, raise: true };
  }
  if (target !== null && node.name === target.name) {
    context.log.err('*** It is not possible to use the target node as source node.\n');
    return { node: null, raise: false };
  }
  return { node, raise: false };
}

/** clusterManagerComputeReshardTable(): from the sources with most slots first, in proportion (C floats). */
function reshardTable(sources: readonly ManagerNode[], count: number): Array<{ source: ManagerNode; slot: number }> {
  const total = sources.reduce((sum, node) => sum + node.slotsCount, 0);
  // qsort is not stable; with equal counts the order is glibc's merge sort's, which keeps the input order.
  const sorted = [...sources].sort((a, b) => b.slotsCount - a.slotsCount);
  const moved: Array<{ source: ManagerNode; slot: number }> = [];
  sorted.forEach((node, index) => {
    const share = Math.fround(Math.fround(Math.fround(count) / total) * node.slotsCount);
    const max = Math.trunc(index === 0 ? Math.ceil(share) : Math.floor(share));
    let taken = 0;
    for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
      if (!node.slots[slot]) continue;
      if (taken >= max || moved.length >= count) break;
      moved.push({ source: node, slot });
      taken++;
    }
  });
  return moved;
}
