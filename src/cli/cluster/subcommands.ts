/**
 * The `--cluster` subcommands the tutor has, by name. `info` and `check`
 * are here (a few lines each in redis-cli too); the others have files of
 * their own.
 */
import { checkCluster, showClusterInfo } from './cluster-check.js';
import { clusterCreate } from './cluster-create.js';
import { hostFromArgs, INVALID_HOST_ARG, loadClusterFromNode } from './load-cluster.js';
import type { ManagerContext } from './manager-context.js';
import { ManagerNode } from './manager-node.js';

export type Subcommand = (context: ManagerContext, args: string[]) => Promise<boolean>;

/** The node named by `host:port` or `host port`, loaded with the cluster it knows; false after printing why not. */
export async function loadFromArgs(context: ManagerContext, args: readonly string[]): Promise<boolean> {
  const host = hostFromArgs(args);
  if (host === null) {
    context.log.stderr(INVALID_HOST_ARG);
    return false;
  }
  return loadClusterFromNode(context, new ManagerNode(host.ip, host.port));
}

/** clusterManagerCommandInfo(). */
const info: Subcommand = async (context, args) => {
  if (!(await loadFromArgs(context, args))) return false;
  await showClusterInfo(context);
  return true;
};

/** clusterManagerCommandCheck(). */
const check: Subcommand = async (context, args) => {
  if (!(await loadFromArgs(context, args))) return false;
  await showClusterInfo(context);
  return checkCluster(context, false);
};

export const SUBCOMMANDS: Partial<Record<string, Subcommand>> = { info, check, create: clusterCreate };
