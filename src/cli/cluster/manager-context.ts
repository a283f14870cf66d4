/**
 * What one `--cluster` run shares between its steps, as redis-cli's global
 * `cluster_manager` and `config.cluster_manager_command` do: the loaded
 * nodes, the errors collected by the check, the credentials and the flags.
 */
import type { ClusterLog } from './cluster-log.js';
import type { ClusterCommandOptions } from './cluster-args.js';
import type { Credentials, ManagerNode } from './manager-node.js';

export interface ManagerContext {
  log: ClusterLog;
  credentials: Credentials;
  options: ClusterCommandOptions;
  nodes: ManagerNode[];
  /** clusterManagerOnError()'s list. */
  errors: string[];
  unreachableMasters: number;
  /** `fix`: the check repairs what it finds. */
  fix: boolean;
  /** Reads one answer from stdin, as confirmWithYes() and reshard's prompts read it. */
  readAnswer(maxBytes: number): Promise<string | null>;
}

/** clusterManagerOnError(): collected, and printed in red. */
export function onError(context: ManagerContext, error: string): void {
  context.errors.push(error);
  context.log.err(`${error}\n`);
}

/** clusterManagerNodeByName(): the id asked for, lower-cased, as the nodes spell theirs. */
export function nodeByName(context: ManagerContext, name: string): ManagerNode | undefined {
  const wanted = name.toLowerCase();
  return context.nodes.find((node) => node.name === wanted);
}

export function closeAll(context: ManagerContext): void {
  for (const node of context.nodes) node.close();
}
