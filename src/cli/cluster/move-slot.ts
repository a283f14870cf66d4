/**
 * clusterManagerMoveSlot() and clusterManagerMigrateKeysInSlot(): open the
 * slot on both nodes, MIGRATE its keys `pipeline` at a time (a dot per key
 * when verbose), then give the slot to the target on the target, the source
 * and every other master. A key already on the target (BUSYKEY) is replaced
 * only with --cluster-replace; redis-cli's value comparison before that is
 * not done here (the move stops with the error instead).
 */
import type { ManagerContext } from './manager-context.js';
import type { ManagerNode } from './manager-node.js';
import type { Reply } from '../../resp/types.js';

export interface MoveOptions {
  verbose: boolean;
  quiet: boolean;
  /** Update the nodes' slot maps here too (CLUSTER_MANAGER_OPT_UPDATE). */
  update: boolean;
  /** Move the keys only, leaving the slot's state and owner alone (CLUSTER_MANAGER_OPT_COLD). */
  cold?: boolean;
}

export async function moveSlot(context: ManagerContext, source: ManagerNode, target: ManagerNode, slot: number, options: MoveOptions): Promise<{ ok: boolean; error: string | null }> {
  const { log } = context;
  if (!options.quiet) {
    log.print(`Moving slot ${slot} from ${source.address} to ${target.address}: `);
    await log.flush();
  }
  const cold = options.cold === true;
  let step: string | null;
  if (!cold) {
    step = await setSlot(target, source, slot, 'importing');
    if (step !== null) return { ok: false, error: step };
    step = await setSlot(source, target, slot, 'migrating');
    if (step !== null) return { ok: false, error: step };
  }
  const migrated = await migrateKeysInSlot(context, source, target, slot, options.verbose);
  if (!options.quiet) log.print('\n');
  if (!migrated.ok) return migrated;
  if (cold) return finish(source, target, slot, options);
  // The target first: it spreads the news, and a crash before then leaves no slot without an owner.
  step = await setSlot(target, target, slot, 'node');
  if (step !== null) return { ok: false, error: step };
  step = await setSlot(source, target, slot, 'node');
  // A source that just gave away its last slot has become a replica of the target: not an error.
  if (step !== null && !step.startsWith('ERR Please use SETSLOT only with masters.')) return { ok: false, error: step };
  for (const node of context.nodes) {
    if (node === target || node === source || node.replica) continue;
    step = await setSlot(node, target, slot, 'node');
    if (step !== null) return { ok: false, error: step };
  }
  return finish(source, target, slot, options);
}

function finish(source: ManagerNode, target: ManagerNode, slot: number, options: MoveOptions): { ok: boolean; error: string | null } {
  if (options.update) {
    source.slots[slot] = 0;
    target.slots[slot] = 1;
  }
  return { ok: true, error: null };
}

/** clusterManagerSetSlot(): null when it worked, else the error's text. */
export async function setSlot(node: ManagerNode, other: ManagerNode, slot: number, status: string): Promise<string | null> {
  const reply = await node.command(['CLUSTER', 'SETSLOT', String(slot), status, other.name ?? '']);
  if (reply === null) return 'CLUSTER SETSLOT failed to run';
  return reply.type === 'error' ? reply.value.toString('utf8') : null;
}

async function migrateKeysInSlot(context: ManagerContext, source: ManagerNode, target: ManagerNode, slot: number, verbose: boolean): Promise<{ ok: boolean; error: string | null }> {
  const { log, options } = context;
  for (;;) {
    const reply = await source.command(['CLUSTER', 'GETKEYSINSLOT', String(slot), String(options.pipeline)]);
    if (reply === null) return { ok: false, error: null };
    if (reply.type === 'error') {
      const error = reply.value.toString('utf8');
      log.replyError(source, error);
      return { ok: false, error };
    }
    const keys = reply.type === 'array' ? reply.items.flatMap((item) => (item.type === 'bulk' ? [item.value] : [])) : [];
    if (keys.length === 0) return { ok: true, error: null };
    let migrated = await migrate(context, source, target, keys, false);
    if (migrated === null) return { ok: false, error: null };
    if (migrated.type === 'error') {
      const busy = migrated.value.toString('utf8').includes('BUSYKEY');
      if (busy && options.replace) {
        log.warn('\n*** Target key exists\n');
        log.warn('*** Replacing target keys...\n');
        migrated = await migrate(context, source, target, keys, true);
      }
      if (migrated === null || migrated.type === 'error') {
        if (migrated === null) return { ok: false, error: null };
        const error = migrated.value.toString('utf8');
        log.print('\n');
        log.replyError(source, error);
        return { ok: false, error };
      }
    }
    if (verbose) {
      log.print('.'.repeat(keys.length));
      await log.flush();
    }
  }
}

/** MIGRATE host port "" 0 timeout [REPLACE] [AUTH pw | AUTH2 user pw] KEYS k..., as redis-cli builds it. */
function migrate(context: ManagerContext, source: ManagerNode, target: ManagerNode, keys: Buffer[], replace: boolean): Promise<Reply | null> {
  const { user, password } = context.credentials;
  const auth = password === undefined ? [] : user !== undefined ? ['AUTH2', user, password] : ['AUTH', password];
  return source.command(['MIGRATE', target.ip, String(target.port), '', '0', String(context.options.timeout), ...(replace ? ['REPLACE'] : []), ...auth, 'KEYS', ...keys]);
}
