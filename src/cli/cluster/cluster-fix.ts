/**
 * `--cluster fix host:port` (clusterManagerCommandFix()): the check, which
 * repairs open slots (./fix-open-slot.ts) and uncovered slots
 * (clusterManagerFixSlotsCoverage(), here) as it finds them. Each kind of
 * uncovered slot is fixed only after a yes (`--cluster-yes` does not answer
 * these questions, as in redis-cli). Slots with no keys go to a random
 * master, chosen with glibc's rand() seeded with the second as redis-cli does,
 * the slots walked in the order of redis-cli's hash table.
 */
import { CliExit } from '../cli-exit.js';
import { checkCluster, showClusterInfo } from './cluster-check.js';
import { confirmWithYes } from './confirm.js';
import { fixOpenSlot } from './fix-open-slot.js';
import { GlibcRandom } from './glibc-random.js';
import { RedisDict } from './redis-dict.js';
import { loadFromArgs } from './load-from-args.js';
import type { ManagerContext } from './manager-context.js';
import { CLUSTER_SLOTS, type ManagerNode } from './manager-node.js';
import { moveSlot, setSlot } from './move-slot.js';
import { slotsString } from './node-text.js';
import { clearSlotStatus, nodeWithMostKeys, setSlotOwner } from './slot-owner.js';

export async function clusterFix(context: ManagerContext, args: string[]): Promise<boolean> {
  context.fix = true;
  if (!(await loadFromArgs(context, args))) return false;
  await showClusterInfo(context);
  return checkCluster(context, false, {
    fixOpenSlot: (slot) => fixOpenSlot(context, slot),
    fixCoverage: (covered) => fixSlotsCoverage(context, covered),
  });
}

/** @returns how many slots were covered, -1 on an error. */
async function fixSlotsCoverage(context: ManagerContext, covered: Uint8Array): Promise<number> {
  const { log } = context;
  if (context.unreachableMasters > 0 && !context.options.fixWithUnreachableMasters) {
    log.warn(
      `*** Fixing slots coverage with ${context.unreachableMasters} unreachable masters is dangerous: redis-cli will assume that slots about masters that are not reachable are not covered, and will try to reassign them to the reachable nodes. This can cause data loss and is rarely what you want to do. If you really want to proceed use the --cluster-fix-with-unreachable-masters option.\n`,
    );
    throw new CliExit(1);
  }
  log.info('>>> Fixing slots coverage...\n');
  const masters = context.nodes.filter((node) => !node.replica && node.replicate === null);
  // redis-cli keeps them in a dict (clusterManagerUncoveredSlots) and walks it in its order.
  const holders = new RedisDict<ManagerNode[]>();
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
    if (covered[slot]) continue;
    const withKeys: ManagerNode[] = [];
    for (const node of masters) {
      const reply = await node.command(['CLUSTER', 'GETKEYSINSLOT', String(slot), '1']);
      if (!node.checkReply(reply, log)) return -1;
      if (reply.type === 'array' && reply.items.length > 0) withKeys.push(node);
    }
    holders.replace(String(slot), withKeys);
  }
  const walked = holders.entries().map(([slot, nodes]): [number, ManagerNode[]] => [Number(slot), nodes]);
  const byHolders = new Map(walked);
  const none = walked.filter(([, nodes]) => nodes.length === 0).map(([slot]) => slot);
  const single = walked.filter(([, nodes]) => nodes.length === 1).map(([slot]) => slot);
  const multi = walked.filter(([, nodes]) => nodes.length > 1).map(([slot]) => slot);
  let fixed = 0;
  if (none.length > 0) {
    log.print('The following uncovered slots have no keys across the cluster:\n');
    log.print(`${slotList(none)}\n`);
    if (await confirmWithYes(context, 'Fix these slots by covering with a random node?', true)) {
      for (const slot of none) {
        const node = randomMaster(context);
        log.info(`>>> Covering slot ${slot} with ${node.address}\n`);
        if (!(await setSlotOwner(context, node, slot, false))) return -1;
        node.slots[slot] = 1;
        fixed++;
      }
    }
  }
  if (single.length > 0) {
    log.print('The following uncovered slots have keys in just one node:\n');
    log.print(`${slotList(single)}\n`);
    if (await confirmWithYes(context, 'Fix these slots by covering with those nodes?', true)) {
      for (const slot of single) {
        const node = (byHolders.get(slot) as ManagerNode[])[0] as ManagerNode;
        log.info(`>>> Covering slot ${slot} with ${node.address}\n`);
        if (!(await setSlotOwner(context, node, slot, false))) return -1;
        node.slots[slot] = 1;
        fixed++;
      }
    }
  }
  if (multi.length > 0) {
    log.print('The following uncovered slots have keys in multiple nodes:\n');
    log.print(`${slotList(multi)}\n`);
    if (await confirmWithYes(context, 'Fix these slots by moving keys into a single node?', true)) {
      for (const slot of multi) {
        const nodes = byHolders.get(slot) as ManagerNode[];
        const target = await nodeWithMostKeys(context, nodes, slot);
        if (target === undefined) return -1;
        log.info(`>>> Covering slot ${slot} moving keys to ${target.address}\n`);
        if (!(await setSlotOwner(context, target, slot, true))) return -1;
        target.slots[slot] = 1;
        for (const source of nodes) {
          if (source === target) continue;
          for (const status of ['NODE', 'IMPORTING']) {
            const error = await setSlot(source, target, slot, status);
            if (error !== null) {
              log.replyError(source, error);
              return -1;
            }
          }
          if (!(await moveSlot(context, source, target, slot, { verbose: true, quiet: false, update: false, cold: true })).ok) return -1;
          if (!(await clearSlotStatus(context, source, slot))) return -1;
        }
        fixed++;
      }
    }
  }
  return fixed;
}

function slotList(slots: readonly number[]): string {
  const map = new Uint8Array(CLUSTER_SLOTS);
  for (const slot of slots) map[slot] = 1;
  return slotsString(map);
}

/** clusterManagerNodeMasterRandom(): srand(time(NULL)) each time, then rand() % masters. */
function randomMaster(context: ManagerContext): ManagerNode {
  const masters = context.nodes.filter((node) => !node.replica);
  const random = new GlibcRandom(Math.floor(Date.now() / 1000));
  return masters[random.next() % masters.length] as ManagerNode;
}
