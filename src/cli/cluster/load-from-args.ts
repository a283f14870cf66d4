/** The node named by `host:port` or `host port`, loaded with the cluster it knows; false after printing why not. */
import { hostFromArgs, INVALID_HOST_ARG, loadClusterFromNode } from './load-cluster.js';
import type { ManagerContext } from './manager-context.js';
import { ManagerNode } from './manager-node.js';

export async function loadFromArgs(context: ManagerContext, args: readonly string[]): Promise<boolean> {
  const host = hostFromArgs(args);
  if (host === null) {
    context.log.stderr(INVALID_HOST_ARG);
    return false;
  }
  return loadClusterFromNode(context, new ManagerNode(host.ip, host.port));
}
