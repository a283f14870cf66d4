/**
 * clusterManagerFixOpenSlot(): a slot left importing or migrating (an
 * interrupted reshard, a restart) is closed or moved, in redis-cli's four
 * cases. Multiple claimed owners are reduced to one first. What redis-cli
 * cannot fix ("work in progress") the tutor cannot either.
 */
import { CliExit } from '../cli-exit.js';
import type { ManagerContext } from './manager-context.js';
import type { ManagerNode } from './manager-node.js';
import { moveSlot, setSlot } from './move-slot.js';
import { clearSlotStatus, countKeysInSlot, nodeWithMostKeys, setSlotOwner } from './slot-owner.js';

export async function fixOpenSlot(context: ManagerContext, slot: number): Promise<boolean> {
  const { log } = context;
  if (context.unreachableMasters > 0 && !context.options.fixWithUnreachableMasters) {
    log.warn(
      `*** Fixing open slots with ${context.unreachableMasters} unreachable masters is dangerous: redis-cli will assume that slots about masters that are not reachable are not covered, and will try to reassign them to the reachable nodes. This can cause data loss and is rarely what you want to do. If you really want to proceed use the --cluster-fix-with-unreachable-masters option.\n`,
    );
    throw new CliExit(1);
  }
  log.info(`>>> Fixing open slot ${slot}\n`);
  const masters = context.nodes.filter((node) => !node.replica);
  const owners: ManagerNode[] = [];
  for (const node of masters) {
    if (node.slots[slot]) {
      owners.push(node);
      continue;
    }
    const count = await countKeysInSlot(context, node, slot);
    if (count < 0) return false;
    if (count > 0) {
      log.warn(`*** Found keys about slot ${slot} in non-owner node ${node.address}!\n`);
      owners.push(node);
    }
  }
  let owner = owners.length === 1 ? owners[0] : undefined;
  let migrating: ManagerNode[] = [];
  let importing: ManagerNode[] = [];
  const opened = (pairs: Array<[string, string]>) => pairs.some(([open]) => Number.parseInt(open, 10) === slot);
  for (const node of masters) {
    if (opened(node.migrating)) migrating.push(node);
    else if (opened(node.importing)) importing.push(node);
    else if (node !== owner) {
      const count = await countKeysInSlot(context, node, slot);
      if (count < 0) return false;
      if (count > 0) {
        log.warn(`*** Found keys about slot ${slot} in node ${node.address}!\n`);
        importing.push(node);
      }
    }
  }
  const migratingText = migrating.map((node) => node.address).join(',');
  const importingText = importing.map((node) => node.address).join(',');
  if (migratingText !== '') log.print(`Set as migrating in: ${migratingText}\n`);
  if (importingText !== '') log.print(`Set as importing in: ${importingText}\n`);
  if (owner === undefined) {
    log.info('>>> No single clear owner for the slot, selecting an owner by # of keys...\n');
    owner = await nodeWithMostKeys(context, context.nodes, slot);
    if (owner === undefined) {
      log.err("[ERR] Can't select a slot owner. Impossible to fix.\n");
      return false;
    }
    log.warn(`*** Configuring ${owner.address} as the slot owner\n`);
    if (!(await clearSlotStatus(context, owner, slot))) return false;
    if (!(await setSlotOwner(context, owner, slot, false))) return false;
    owner.slots[slot] = 1;
    const chosen = owner;
    migrating = migrating.filter((node) => node !== chosen);
    importing = importing.filter((node) => node !== chosen);
  }
  const theOwner = owner;
  if (owners.length > 1) {
    for (const node of owners) {
      if (node === theOwner) continue;
      if (!(await delSlotIgnoringUnassigned(context, node, slot))) return false;
      node.slots[slot] = 0;
      if ((await setSlot(node, theOwner, slot, 'node')) !== null) return false;
      if ((await setSlot(node, theOwner, slot, 'importing')) !== null) return false;
      importing = [...importing.filter((other) => other !== node), node];
      migrating = migrating.filter((other) => other !== node);
    }
  }
  const verbose = { verbose: true, quiet: false, update: false };
  if (migrating.length === 1 && importing.length === 1) {
    const [source, target] = [migrating[0] as ManagerNode, importing[0] as ManagerNode];
    log.info(`>>> Case 1: Moving slot ${slot} from ${source.address} to ${target.address}\n`);
    return (await moveSlot(context, source, target, slot, { ...verbose, update: true })).ok;
  }
  if (migrating.length === 0 && importing.length > 0) {
    log.info(`>>> Case 2: Moving all the ${slot} slot keys to its owner ${theOwner.address}\n`);
    for (const node of importing) {
      if (node === theOwner) continue;
      if (!(await moveSlot(context, node, theOwner, slot, { ...verbose, cold: true })).ok) return false;
      log.info(`>>> Setting ${slot} as STABLE in ${node.address}\n`);
      if (!(await clearSlotStatus(context, node, slot))) return false;
    }
    for (const node of masters) {
      if (node === theOwner) continue;
      const error = await setSlot(node, theOwner, slot, 'NODE');
      if (error !== null) {
        log.replyError(node, error);
        return false;
      }
    }
    return true;
  }
  if (migrating.length === 1 && importing.length > 1) return caseThree(context, slot, migrating[0] as ManagerNode, importing, { migratingText, importingText, owner: theOwner });
  let close = importing.length === 0 && migrating.length === 1;
  const only = migrating[0];
  if (close && only !== undefined && theOwner !== only) {
    const reply = await only.command(['CLUSTER', 'GETKEYSINSLOT', String(slot), '10']);
    if (!only.checkReply(reply, log)) return false;
    close = reply.type === 'array' && reply.items.length === 0;
  }
  if (close && only !== undefined) {
    log.info(`>>> Case 4: Closing slot ${slot} on ${only.address}\n`);
    return only.checkReply(await only.command(['CLUSTER', 'SETSLOT', String(slot), 'STABLE']), log);
  }
  return unhandled(context, { migratingText, importingText, owner: theOwner });
}

interface Situation {
  migratingText: string;
  importingText: string;
  owner: ManagerNode;
}

/** Case 3: one migrating node, several importing ones without keys. */
async function caseThree(context: ManagerContext, slot: number, source: ManagerNode, importing: readonly ManagerNode[], situation: Situation): Promise<boolean> {
  const { log } = context;
  const targetId = source.migrating.find(([open]) => Number.parseInt(open, 10) === slot)?.[1];
  let target: ManagerNode | undefined;
  for (const node of importing) {
    if ((await countKeysInSlot(context, node, slot)) > 0) return unhandled(context, situation);
    if (node.name === targetId) target = node;
  }
  if (target !== undefined) {
    log.info(`>>> Case 3: Moving slot ${slot} from ${source.address} to ${target.address} and closing it on all the other importing nodes.\n`);
    if (!(await moveSlot(context, source, target, slot, { verbose: true, quiet: false, update: false })).ok) return false;
    for (const node of importing) if (node !== target && !(await clearSlotStatus(context, node, slot))) return false;
    return true;
  }
  log.info(`>>> Case 3: Closing slot ${slot} on both migrating and importing nodes.\n`);
  if (!(await clearSlotStatus(context, source, slot))) return false;
  for (const node of importing) if (!(await clearSlotStatus(context, node, slot))) return false;
  return true;
}

function unhandled(context: ManagerContext, situation: Situation): false {
  context.log.err(
    `[ERR] Sorry, redis-cli can't fix this slot yet (work in progress). Slot is set as migrating in ${situation.migratingText}, as importing in ${situation.importingText}, owner is ${situation.owner.address}\n`,
  );
  return false;
}

/** clusterManagerDelSlot(node, slot, 1): an error is fine when the slot turns out to be unassigned on that node. */
async function delSlotIgnoringUnassigned(context: ManagerContext, node: ManagerNode, slot: number): Promise<boolean> {
  const reply = await node.command(['CLUSTER', 'DELSLOTS', String(slot)]);
  if (reply !== null && reply.type !== 'error') return true;
  if (reply !== null) {
    const nodes = await node.command(['CLUSTER', 'NODES']);
    const text = nodes !== null && nodes.type === 'bulk' ? nodes.value.toString('utf8') : null;
    if (text !== null && !ownsSlot(text, slot)) return true;
    context.log.replyError(node, reply.value.toString('utf8'));
  }
  return false;
}

/** Whether any node of a CLUSTER NODES text serves the slot. */
function ownsSlot(nodes: string, slot: number): boolean {
  return nodes.split('\n').some((line) =>
    line
      .split(' ')
      .slice(8)
      .some((range) => {
        if (range.startsWith('[') || range === '') return false;
        const [start, end = start] = range.split('-').map(Number);
        return start !== undefined && end !== undefined && slot >= start && slot <= end;
      }),
  );
}
