/**
 * Small slot operations of redis-cli's cluster manager: close a slot
 * (SETSLOT STABLE), give it to one node in a transaction (DELSLOTS, ADDSLOTS,
 * BUMPEPOCH, only ADDSLOTS' error counting), count its keys.
 */
import type { ManagerContext } from './manager-context.js';
import type { ManagerNode } from './manager-node.js';

/** clusterManagerClearSlotStatus(). */
export async function clearSlotStatus(context: ManagerContext, node: ManagerNode, slot: number): Promise<boolean> {
  return node.checkReply(await node.command(['CLUSTER', 'SETSLOT', String(slot), 'STABLE']), context.log);
}

/** clusterManagerSetSlotOwner(): MULTI, DELSLOTS, ADDSLOTS, [SETSLOT STABLE], BUMPEPOCH, EXEC. */
export async function setSlotOwner(context: ManagerContext, owner: ManagerNode, slot: number, clear: boolean): Promise<boolean> {
  const { log } = context;
  if (!owner.checkReply(await owner.command(['MULTI']), log)) return false;
  await owner.command(['CLUSTER', 'DELSLOTS', String(slot)]);
  await owner.command(['CLUSTER', 'ADDSLOTS', String(slot)]);
  if (clear) await owner.command(['CLUSTER', 'SETSLOT', String(slot), 'STABLE']);
  await owner.command(['CLUSTER', 'BUMPEPOCH']);
  const reply = await owner.command(['EXEC']);
  if (!owner.checkReply(reply, log)) return false;
  if (reply.type !== 'array') return false;
  for (const [index, item] of reply.items.entries()) {
    // Only ADDSLOTS (the second command) may fail the transaction.
    if (item.type === 'error' && index === 1) {
      log.replyError(owner, item.value.toString('utf8'));
      return false;
    }
  }
  return true;
}

/** clusterManagerCountKeysInSlot(): -1 on an error. */
export async function countKeysInSlot(context: ManagerContext, node: ManagerNode, slot: number): Promise<number> {
  const reply = await node.command(['CLUSTER', 'COUNTKEYSINSLOT', String(slot)]);
  if (!node.checkReply(reply, context.log)) return -1;
  return reply.type === 'integer' ? Number(reply.value) : -1;
}

/** clusterManagerGetNodeWithMostKeysInSlot() over masters: the first with the most keys, or undefined on an error. */
export async function nodeWithMostKeys(context: ManagerContext, nodes: readonly ManagerNode[], slot: number): Promise<ManagerNode | undefined> {
  let found: ManagerNode | undefined;
  let most = 0;
  for (const node of nodes) {
    if (node.replica || node.replicate !== null) continue;
    const reply = await node.command(['CLUSTER', 'COUNTKEYSINSLOT', String(slot)]);
    if (reply === null || reply.type === 'error') {
      if (reply !== null) context.log.replyError(node, reply.value.toString('utf8'));
      return undefined;
    }
    const count = reply.type === 'integer' ? Number(reply.value) : 0;
    if (count > most || found === undefined) {
      most = count;
      found = node;
    }
  }
  return found;
}
