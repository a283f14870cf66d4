/**
 * `--cluster add-node new_host:new_port existing_host:existing_port
 * [--cluster-slave [--cluster-master-id id]]` and `--cluster del-node
 * host:port node_id`, as redis-cli 7.0 does them
 * (clusterManagerCommandAddNode / clusterManagerCommandDeleteNode).
 */
import { checkCluster } from './cluster-check.js';
import { hostFromArgs, INVALID_HOST_ARG, isClusterNode, isEmptyNode, loadClusterFromNode, loadNodeInfo, printNotClusterNode } from './load-cluster.js';
import { nodeByName, type ManagerContext } from './manager-context.js';
import { ManagerNode } from './manager-node.js';
import { waitForClusterJoin } from './node-config.js';

const NOT_EMPTY = 'is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0.';

export async function clusterAddNode(context: ManagerContext, args: string[]): Promise<boolean> {
  const { log, options } = context;
  const reference = hostFromArgs(args.slice(1));
  const added = reference !== null ? hostFromArgs(args.slice(0, 1)) : null;
  if (reference === null || added === null) {
    log.stderr(INVALID_HOST_ARG);
    return false;
  }
  log.info(`>>> Adding node ${added.ip}:${added.port} to cluster ${reference.ip}:${reference.port}\n`);
  const referenceNode = new ManagerNode(reference.ip, reference.port);
  if (!(await loadClusterFromNode(context, referenceNode))) return false;
  if (!(await checkCluster(context, false))) return false;
  let master: ManagerNode | undefined;
  if (options.slave) {
    if (options.masterId !== undefined) {
      master = nodeByName(context, options.masterId);
      if (master === undefined) {
        log.err(`[ERR] No such master ID ${options.masterId}\n`);
        return false;
      }
    } else {
      master = withLeastReplicas(context);
      if (master !== undefined) log.print(`Automatically selected master ${master.address}\n`);
    }
  }
  const node = new ManagerNode(added.ip, added.port);
  if (!(await node.connect(context.credentials, log))) {
    log.err(`[ERR] Sorry, can't connect to node ${added.ip}:${added.port}\n`);
    return false;
  }
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
  const first = context.nodes[0] as ManagerNode;
  context.nodes.push(node);
  if (master === undefined && !(await copyFunctions(context, referenceNode, node))) return false;
  log.info(`>>> Send CLUSTER MEET to node ${node.address} to make it join the cluster.\n`);
  const meet =
    first.busPort === 0 || first.busPort === first.port + 10_000
      ? ['CLUSTER', 'MEET', first.ip, String(first.port)]
      : ['CLUSTER', 'MEET', first.ip, String(first.port), String(first.busPort)];
  if (!node.checkReply(await node.command(meet), log)) return false;
  if (master !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await waitForClusterJoin(context);
    log.info(`>>> Configure node as replica of ${master.address}.\n`);
    if (!node.checkReply(await node.command(['CLUSTER', 'REPLICATE', master.name ?? '']), log)) return false;
  }
  log.ok('[OK] New node added correctly.\n');
  return true;
}

/** A new master gets the cluster's functions (a replica gets them from its master). */
async function copyFunctions(context: ManagerContext, from: ManagerNode, to: ManagerNode): Promise<boolean> {
  const { log } = context;
  log.info('>>> Getting functions from cluster\n');
  const dump = await from.command(['FUNCTION', 'DUMP']);
  if (dump === null || dump.type === 'error') {
    const error = dump === null ? 'NULL reply' : dump.value.toString('utf8');
    log.info(`>>> Failed retrieving Functions from the cluster, skip this step as Redis version do not support function command (error = '${error}')\n`);
    return true;
  }
  log.info(`>>> Send FUNCTION LIST to ${to.address} to verify there is no functions in it\n`);
  const list = await to.command(['FUNCTION', 'LIST']);
  if (list === null || list.type === 'error') {
    log.err(`>>> Failed on CLUSTER LIST (error = '${list === null ? 'NULL reply' : list.value.toString('utf8')}')\r\n`);
    return false;
  }
  if (list.type === 'array' && list.items.length > 0) {
    log.err('>>> New node already contains functions and can not be added to the cluster. Use FUNCTION FLUSH and try again.\r\n');
    return false;
  }
  log.info(`>>> Send FUNCTION RESTORE to ${to.address}\n`);
  const payload = dump.type === 'bulk' ? dump.value : Buffer.alloc(0);
  const restored = await to.command([Buffer.from('FUNCTION'), Buffer.from('RESTORE'), payload]);
  if (restored === null || restored.type === 'error') {
    log.err(`>>> Failed loading functions to the new node (error = '${restored === null ? 'NULL reply' : restored.value.toString('utf8')}')\r\n`);
    return false;
  }
  return true;
}

/** clusterManagerNodeWithLeastReplicas(): the first master with the fewest replicas. */
function withLeastReplicas(context: ManagerContext): ManagerNode | undefined {
  let found: ManagerNode | undefined;
  for (const node of context.nodes) {
    if (node.replica) continue;
    if (found === undefined || node.replicasCount < found.replicasCount) found = node;
  }
  return found;
}

export async function clusterDelNode(context: ManagerContext, args: string[]): Promise<boolean> {
  const { log } = context;
  const host = hostFromArgs(args.slice(0, 1));
  if (host === null) {
    log.stderr(INVALID_HOST_ARG);
    return false;
  }
  const id = args[1] as string;
  log.info(`>>> Removing node ${id} from cluster ${host.ip}:${host.port}\n`);
  if (!(await loadClusterFromNode(context, new ManagerNode(host.ip, host.port)))) return false;
  const node = nodeByName(context, id);
  if (node === undefined) {
    log.err(`[ERR] No such node ID ${id}\n`);
    return false;
  }
  if (node.slotsCount !== 0) {
    log.err(`[ERR] Node ${node.address} is not empty! Reshard data away and try again.\n`);
    return false;
  }
  log.info('>>> Sending CLUSTER FORGET messages to the cluster...\n');
  for (const other of context.nodes) {
    if (other === node) continue;
    if (other.replicate !== null && other.replicate.toLowerCase() === id.toLowerCase()) {
      const master = withLeastReplicas(context);
      if (master === undefined) return false;
      log.info(`>>> ${other.address} as replica of ${master.address}\n`);
      if (!other.checkReply(await other.command(['CLUSTER', 'REPLICATE', master.name ?? '']), log)) return false;
    }
    if (!other.checkReply(await other.command(['CLUSTER', 'FORGET', id]), log)) return false;
  }
  log.info('>>> Sending CLUSTER RESET SOFT to the deleted node.\n');
  return node.checkReply(await node.command(['CLUSTER', 'RESET', 'SOFT']), log);
}
