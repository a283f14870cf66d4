/**
 * Writing a planned configuration to the nodes (clusterManagerFlushNodeConfig,
 * clusterManagerAddSlots) and waiting for them to agree on it
 * (clusterManagerWaitForClusterJoin: a dot a second until they do).
 */
import { configConsistent } from './cluster-check.js';
import type { ManagerContext } from './manager-context.js';
import { CLUSTER_SLOTS, type ManagerNode } from './manager-node.js';

/** A dirty node's REPLICATE or ADDSLOTS. A refused REPLICATE keeps it dirty (its master may not be known yet). */
export async function flushNodeConfig(node: ManagerNode): Promise<{ ok: boolean; error: string | null }> {
  if (!node.dirty) return { ok: false, error: null };
  if (node.replicate !== null) {
    const reply = await node.command(['CLUSTER', 'REPLICATE', node.replicate]);
    if (reply === null) return { ok: false, error: null };
    if (reply.type === 'error') return { ok: false, error: reply.value.toString('utf8') };
    node.dirty = false;
    return { ok: true, error: null };
  }
  const slots: string[] = [];
  for (let slot = 0; slot < CLUSTER_SLOTS && slots.length < node.slotsCount; slot++) if (node.slots[slot]) slots.push(String(slot));
  node.dirty = false;
  if (slots.length === 0) return { ok: false, error: null };
  const reply = await node.command(['CLUSTER', 'ADDSLOTS', ...slots]);
  if (reply === null) return { ok: false, error: null };
  if (reply.type === 'error') return { ok: false, error: reply.value.toString('utf8') };
  return { ok: true, error: null };
}

export async function waitForClusterJoin(context: ManagerContext): Promise<void> {
  const { log } = context;
  log.print('Waiting for the cluster to join\n');
  while (!(await configConsistent(context.nodes))) {
    log.print('.');
    await log.flush();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  log.print('\n');
}
