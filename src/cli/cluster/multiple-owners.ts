/**
 * `--cluster-search-multiple-owners` (the end of clusterManagerCheckCluster())
 * and its repair under `fix` (clusterManagerFixMultipleSlotOwners()): a slot
 * that more than one master serves or holds keys of.
 */
import type { ManagerContext } from './manager-context.js';
import { CLUSTER_SLOTS, type ManagerNode } from './manager-node.js';
import { moveSlot, setSlot } from './move-slot.js';
import { countKeysInSlot, nodeWithMostKeys, setSlotOwner } from './slot-owner.js';

/** @returns the check's result so far, made false by a slot with several owners (and true again by its fix, as in redis-cli). */
export async function searchMultipleOwners(context: ManagerContext, resultSoFar: boolean): Promise<boolean> {
  const { log } = context;
  log.info('>>> Check for multiple slot owners...\n');
  let result = resultSoFar;
  let withSeveral = 0;
  const masters = context.nodes.filter((node) => !node.replica);
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
    const owners: ManagerNode[] = [];
    for (const node of masters) {
      if (node.slots[slot] || (await countKeysInSlot(context, node, slot)) > 0) owners.push(node);
    }
    if (owners.length <= 1) continue;
    result = false;
    log.err(`[WARNING] Slot ${slot} has ${owners.length} owners:\n`);
    for (const owner of owners) log.err(`    ${owner.address}\n`);
    withSeveral++;
    if (!context.fix) continue;
    result = await fixMultipleOwners(context, slot, owners);
    if (!result) {
      log.err(`Failed to fix multiple owners for slot ${slot}\n`);
      break;
    }
    withSeveral--;
  }
  if (withSeveral === 0) log.ok('[OK] No multiple owners found.\n');
  return result;
}

async function fixMultipleOwners(context: ManagerContext, slot: number, owners: readonly ManagerNode[]): Promise<boolean> {
  const { log } = context;
  log.info(`>>> Fixing multiple owners for slot ${slot}...\n`);
  const owner = (await nodeWithMostKeys(context, owners, slot)) ?? owners[0];
  if (owner === undefined) return false;
  log.info(`>>> Setting slot ${slot} owner: ${owner.address}\n`);
  if (!(await setSlotOwner(context, owner, slot, false))) return false;
  let success = false;
  for (const node of context.nodes) {
    if (node === owner || node.replica) continue;
    const count = await countKeysInSlot(context, node, slot);
    success = count >= 0;
    if (!success) break;
    await node.command(['CLUSTER', 'DELSLOTS', String(slot)]);
    const error = await setSlot(node, owner, slot, 'node');
    if (error !== null) {
      log.replyError(node, error);
      return false;
    }
    if (count > 0) {
      success = (await moveSlot(context, node, owner, slot, { verbose: true, quiet: false, update: false, cold: true })).ok;
      if (!success) break;
    }
  }
  return success;
}
