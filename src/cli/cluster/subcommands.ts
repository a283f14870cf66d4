/**
 * The `--cluster` subcommands the tutor has, by name. `info` and `check`
 * are here (a few lines each in redis-cli too); the others have files of
 * their own.
 */
import { checkCluster, showClusterInfo } from './cluster-check.js';
import { clusterCreate } from './cluster-create.js';
import { clusterAddNode, clusterDelNode } from './cluster-add-del.js';
import { clusterReshard } from './cluster-reshard.js';
import { clusterFix } from './cluster-fix.js';
import { loadFromArgs } from './load-from-args.js';
import type { ManagerContext } from './manager-context.js';

export type Subcommand = (context: ManagerContext, args: string[]) => Promise<boolean>;

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

export const SUBCOMMANDS: Partial<Record<string, Subcommand>> = {
  info,
  check,
  create: clusterCreate,
  fix: clusterFix,
  reshard: clusterReshard,
  'add-node': clusterAddNode,
  'del-node': clusterDelNode,
};
