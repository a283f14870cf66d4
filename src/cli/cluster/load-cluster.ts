/**
 * Reading a cluster as redis-cli 7.0's manager does: INFO's cluster_enabled,
 * the node's own CLUSTER NODES line (its slots, open slots, flags), and,
 * from the entry node, every other node it knows (clusterManagerNodeLoadInfo
 * and clusterManagerLoadInfoFromNode), each connected and asked in turn.
 */
import { nodeByName, type ManagerContext } from './manager-context.js';
import { atoi } from './c-numbers.js';
import { ManagerNode, replyText } from './manager-node.js';

/** parseClusterNodeAddress(): `ip:port[@bus_port][,hostname]`, split at the last `@` and the last `:`. */
export function parseNodeAddress(address: string): { ip: string; port: number; busPort: number } | null {
  let rest = address;
  let busPort = 0;
  const at = rest.lastIndexOf('@');
  if (at >= 0) {
    busPort = atoi(rest.slice(at + 1));
    rest = rest.slice(0, at);
  }
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return null;
  return { ip: rest.slice(0, colon), port: atoi(rest.slice(colon + 1)), busPort };
}

/** getClusterHostFromCmdArgs(): `host:port`, or `host port`. */
export function hostFromArgs(args: readonly string[]): { ip: string; port: number } | null {
  let ip: string;
  let port: number;
  if (args.length === 1) {
    const parsed = parseNodeAddress(args[0] as string);
    if (parsed === null) return null;
    ({ ip, port } = parsed);
  } else {
    ip = args[0] as string;
    port = atoi(args[1] as string);
  }
  return port === 0 ? null : { ip, port };
}

export const INVALID_HOST_ARG =
  '[ERR] Invalid arguments: you need to pass either a valid address (ie. 120.0.0.1:7000) or space separated IP and port (ie. 120.0.0.1 7000)\n';

/** getInfoField(): the value after `field:` up to `\r` or `,`. */
export function infoField(info: string, field: string): string | null {
  const at = info.indexOf(field);
  if (at < 0) return null;
  const start = at + field.length + 1;
  let end = info.indexOf('\r', start);
  const comma = info.indexOf(',', start);
  if (comma >= 0 && (end < 0 || comma < end)) end = comma;
  return info.slice(start, end < 0 ? undefined : end);
}

/** INFO, or the error's text. */
async function nodeInfo(node: ManagerNode): Promise<{ info: string } | { error: string | null }> {
  const reply = await node.command(['INFO']);
  if (reply === null) return { error: null };
  if (reply.type === 'error') return { error: reply.value.toString('utf8') };
  return { info: replyText(reply) ?? '' };
}

/** clusterManagerNodeIsCluster(); the error's text when INFO failed. */
export async function isClusterNode(node: ManagerNode): Promise<{ cluster: boolean; error: string | null }> {
  const result = await nodeInfo(node);
  if ('error' in result) return { cluster: false, error: result.error };
  return { cluster: atoi(infoField(result.info, 'cluster_enabled') ?? '0') !== 0, error: null };
}

/** clusterManagerNodeIsEmpty(): no key in db0 and knows no other node. */
export async function isEmptyNode(node: ManagerNode): Promise<{ empty: boolean; error: string | null }> {
  const result = await nodeInfo(node);
  if ('error' in result) return { empty: false, error: result.error };
  if (result.info.includes('db0:')) return { empty: false, error: null };
  const reply = await node.command(['CLUSTER', 'INFO']);
  if (reply === null) return { empty: false, error: null };
  if (reply.type === 'error') return { empty: false, error: reply.value.toString('utf8') };
  return { empty: atoi(infoField(replyText(reply) ?? '', 'cluster_known_nodes') ?? '0') === 1, error: null };
}

export function printNotClusterNode(context: ManagerContext, node: ManagerNode, error: string | null): void {
  context.log.err(`[ERR] Node ${node.address} ${error ?? 'is not configured as a cluster node.'}\n`);
}

/**
 * clusterManagerNodeLoadInfo(): the node's own line of CLUSTER NODES, and
 * with `friends` a new node for every other line. @returns the friends, or
 * an error: its text when the server refused, null for a bad reply.
 */
export async function loadNodeInfo(node: ManagerNode, friends: boolean): Promise<{ friends: ManagerNode[] } | { error: string | null }> {
  const reply = await node.command(['CLUSTER', 'NODES']);
  if (reply === null) return { error: null };
  if (reply.type === 'error') return { error: reply.value.toString('utf8') };
  const found: ManagerNode[] = [];
  const lines = (replyText(reply) ?? '').split('\n');
  // The text after the last newline is not a line (redis-cli reads up to each `\n`).
  lines.pop();
  for (const line of lines) {
    const { fields, rest } = splitFields(line);
    const [name, address, flags, masterId, pingSent, pingReceived, configEpoch] = fields;
    if (flags === undefined) return { error: null };
    const parsed = address !== undefined ? parseNodeAddress(address) : null;
    if (parsed === null) return { error: null };
    const myself = flags.includes('myself');
    let current: ManagerNode;
    if (myself) {
      node.busPort = parsed.busPort;
      node.myself = true;
      current = node;
      node.resetSlots();
      if (rest !== null) readSlots(node, rest);
      node.dirty = false;
    } else if (!friends) {
      if (!node.myself) continue;
      break;
    } else {
      current = new ManagerNode(parsed.ip, parsed.port, parsed.busPort);
      found.push(current);
    }
    if (name !== undefined) current.name = name;
    readFlags(current, flags, masterId);
    if (configEpoch !== undefined) current.currentEpoch = BigInt(atoi(configEpoch));
    void pingSent;
    void pingReceived;
    if (!friends && myself) break;
  }
  return { friends: found };
}

/** The first 8 space-ended fields of a line, and what follows the 8th (its slots) when there is an 8th. */
function splitFields(line: string): { fields: string[]; rest: string | null } {
  const fields: string[] = [];
  let rest = line;
  for (;;) {
    const space = rest.indexOf(' ');
    if (space < 0) break;
    fields.push(rest.slice(0, space));
    rest = rest.slice(space + 1);
    if (fields.length === 8) return { fields, rest };
  }
  return { fields, rest: null };
}

function readSlots(node: ManagerNode, text: string): void {
  for (const definition of text.split(' ')) {
    if (definition.startsWith('[')) {
      const inner = definition.slice(1);
      const migrating = inner.indexOf('->-');
      const importing = inner.indexOf('-<-');
      if (migrating >= 0) node.migrating.push([inner.slice(0, migrating), withoutBracket(inner.slice(migrating + 3))]);
      else if (importing >= 0) node.importing.push([inner.slice(0, importing), withoutBracket(inner.slice(importing + 3))]);
    } else if (definition.includes('-')) {
      const dash = definition.indexOf('-');
      const start = atoi(definition.slice(0, dash));
      const stop = atoi(definition.slice(dash + 1));
      node.slotsCount += stop - (start - 1);
      for (let slot = start; slot <= stop; slot++) node.slots[slot] = 1;
    } else if (definition !== '') {
      node.slots[atoi(definition)] = 1;
      node.slotsCount++;
    }
  }
}

function withoutBracket(text: string): string {
  const bracket = text.indexOf(']');
  return bracket >= 0 ? text.slice(0, bracket) : text;
}

function readFlags(node: ManagerNode, flags: string, masterId: string | undefined): void {
  node.flags = [];
  for (const flag of flags.split(',')) {
    if (flag === '') continue;
    if (flag === 'noaddr') node.noAddress = true;
    else if (flag === 'disconnected') node.disconnected = true;
    else if (flag === 'fail') node.failed = true;
    else if (flag === 'slave') {
      node.replica = true;
      if (masterId !== undefined) node.replicate = masterId;
    }
    node.flags.push(flag);
  }
}

/**
 * clusterManagerLoadInfoFromNode(): the entry node, then every node it
 * knows that answers, into context.nodes; replicas counted per master.
 */
export async function loadClusterFromNode(context: ManagerContext, node: ManagerNode): Promise<boolean> {
  const { log } = context;
  if (node.connection === null && !(await node.connect(context.credentials, log))) return false;
  const cluster = await isClusterNode(node);
  if (!cluster.cluster) {
    printNotClusterNode(context, node, cluster.error);
    node.close();
    return false;
  }
  const loaded = await loadNodeInfo(node, true);
  if ('error' in loaded) {
    if (loaded.error !== null) log.replyError(node, loaded.error);
    node.close();
    return false;
  }
  for (const old of context.nodes) if (old !== node) old.close();
  context.nodes = [node];
  for (const friend of loaded.friends) {
    let valid = friend.port !== 0 && (await friend.connect(context.credentials, log));
    if (valid) {
      const friendInfo = await loadNodeInfo(friend, false);
      if (!('error' in friendInfo)) {
        valid = !(friend.noAddress || friend.disconnected || friend.failed);
      } else {
        log.err(`[ERR] Unable to load info for node ${friend.address}\n`);
        valid = false;
      }
    }
    if (valid) {
      context.nodes.push(friend);
      continue;
    }
    if (!friend.replica) context.unreachableMasters++;
    friend.close();
  }
  for (const member of context.nodes) {
    if (member.replicate === null) continue;
    const master = nodeByName(context, member.replicate);
    if (master === undefined) log.warn(`*** WARNING: ${member.address} claims to be slave of unknown node ID ${member.replicate}.\n`);
    else master.replicasCount++;
  }
  return true;
}
