/**
 * The cluster manager's texts about nodes (clusterManagerNodeInfo() and its
 * helpers): the node block of check and create, slot ranges as
 * `[0-5460],[5462]`, the flags without `myself`.
 */
import { CLUSTER_SLOTS, type ManagerNode } from './manager-node.js';

/** clusterManagerNodeSlotsString(). */
export function slotsString(slots: Uint8Array): string {
  const ranges: string[] = [];
  let first = -1;
  let last = -1;
  const close = () => {
    if (last >= 0) ranges[ranges.length - 1] += first === last ? ']' : `-${last}]`;
  };
  for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
    if (slots[slot]) {
      if (first === -1) {
        ranges.push(`[${slot}`);
        first = slot;
      }
      last = slot;
    } else {
      close();
      first = -1;
      last = -1;
    }
  }
  close();
  return ranges.join(',');
}

/** clusterManagerNodeFlagString(). */
export function flagString(node: ManagerNode): string {
  return (node.flags ?? []).filter((flag) => flag !== 'myself').join(',');
}

/** clusterManagerNodeInfo(): the block, without its final newline. */
export function nodeInfo(node: ManagerNode, indent = 0): string {
  const spaces = ' '.repeat(indent);
  let info = spaces;
  if (node.dirty && node.replicate !== null) {
    info += `S: ${node.name ?? ''} ${node.address}`;
  } else {
    const role = node.replica ? 'S' : 'M';
    info += `${role}: ${node.name ?? ''} ${node.address}\n${spaces}   slots:${slotsString(node.slots)} (${node.slotsCount} slots) ${flagString(node)}`;
  }
  if (node.replicate !== null) info += `\n${spaces}   replicates ${node.replicate}`;
  else if (node.replicasCount > 0) info += `\n${spaces}   ${node.replicasCount} additional replica(s)`;
  return info;
}
