/**
 * `--cluster <subcommand> [args...] [--cluster-* options]` read as redis-cli
 * 7.0's parseOptions() reads it: the subcommand's arguments run up to the
 * first word that starts with `-`. The options may come before `--cluster`
 * (the subcommand's flags, from commander) or after its arguments (the
 * words commander passed through), the later winning as in redis-cli.
 */
import { atoi } from './c-numbers.js';

export interface ClusterCommandOptions {
  replicas: number;
  yes: boolean;
  from: string | undefined;
  to: string | undefined;
  slots: number;
  timeout: number;
  pipeline: number;
  replace: boolean;
  slave: boolean;
  masterId: string | undefined;
  searchMultipleOwners: boolean;
  fixWithUnreachableMasters: boolean;
}

export interface ClusterCommand {
  name: string;
  args: string[];
  options: ClusterCommandOptions;
  /** -a/--user/--no-auth-warning given after the arguments (commander passed them through). */
  password: string | undefined;
  user: string | undefined;
  noAuthWarning: boolean;
}

/** redis-cli's defaults (CLUSTER_MANAGER_MIGRATE_TIMEOUT, CLUSTER_MANAGER_MIGRATE_PIPELINE). */
const DEFAULTS: ClusterCommandOptions = {
  replicas: 0,
  yes: false,
  from: undefined,
  to: undefined,
  slots: 0,
  timeout: 60_000,
  pipeline: 10,
  replace: false,
  slave: false,
  masterId: undefined,
  searchMultipleOwners: false,
  fixWithUnreachableMasters: false,
};

type ValueOption = 'replicas' | 'from' | 'to' | 'slots' | 'timeout' | 'pipeline' | 'masterId';
type FlagOption = 'yes' | 'replace' | 'slave' | 'searchMultipleOwners' | 'fixWithUnreachableMasters';

const VALUE_OPTIONS: Record<string, ValueOption> = {
  '--cluster-replicas': 'replicas',
  '--cluster-from': 'from',
  '--cluster-to': 'to',
  '--cluster-slots': 'slots',
  '--cluster-timeout': 'timeout',
  '--cluster-pipeline': 'pipeline',
  '--cluster-master-id': 'masterId',
};
const FLAG_OPTIONS: Record<string, FlagOption> = {
  '--cluster-yes': 'yes',
  '--cluster-replace': 'replace',
  '--cluster-slave': 'slave',
  '--cluster-search-multiple-owners': 'searchMultipleOwners',
  '--cluster-fix-with-unreachable-masters': 'fixWithUnreachableMasters',
};

/** Commander's names for the same options (camelCase of the long flag). */
const COMMANDER_NAMES: Record<string, string> = {
  '--cluster-replicas': 'clusterReplicas',
  '--cluster-from': 'clusterFrom',
  '--cluster-to': 'clusterTo',
  '--cluster-slots': 'clusterSlots',
  '--cluster-timeout': 'clusterTimeout',
  '--cluster-pipeline': 'clusterPipeline',
  '--cluster-master-id': 'clusterMasterId',
  '--cluster-yes': 'clusterYes',
  '--cluster-replace': 'clusterReplace',
  '--cluster-slave': 'clusterSlave',
  '--cluster-search-multiple-owners': 'clusterSearchMultipleOwners',
  '--cluster-fix-with-unreachable-masters': 'clusterFixWithUnreachableMasters',
};

/** The flags commander declares for `cli`: [flag, takes a value]. */
export const CLUSTER_FLAGS: ReadonlyArray<[string, boolean]> = [
  ...Object.keys(VALUE_OPTIONS).map((flag): [string, boolean] => [flag, true]),
  ...Object.keys(FLAG_OPTIONS).map((flag): [string, boolean] => [flag, false]),
];

export function parseClusterCommand(name: string, operands: readonly string[], given: Record<string, unknown>, env: NodeJS.ProcessEnv = {}): ClusterCommand {
  // REDISCLI_CLUSTER_YES=1 is --cluster-yes (redis-cli's parseEnv()).
  const options: ClusterCommandOptions = { ...DEFAULTS, yes: env['REDISCLI_CLUSTER_YES'] === '1' };
  const apply = (flag: string, value: string | true): void => {
    const valueOption = VALUE_OPTIONS[flag];
    if (valueOption !== undefined && typeof value === 'string') {
      if (valueOption === 'from' || valueOption === 'to' || valueOption === 'masterId') options[valueOption] = value;
      else options[valueOption] = atoi(value);
    }
    const flagOption = FLAG_OPTIONS[flag];
    if (flagOption !== undefined) options[flagOption] = true;
  };
  for (const [flag, commanderName] of Object.entries(COMMANDER_NAMES)) {
    const value = given[commanderName];
    if (typeof value === 'string' || value === true) apply(flag, value);
  }
  let end = 0;
  while (end < operands.length && !(operands[end] as string).startsWith('-')) end++;
  const command: ClusterCommand = { name, args: operands.slice(0, end), options, password: undefined, user: undefined, noAuthWarning: false };
  for (let i = end; i < operands.length; i++) {
    const word = operands[i] as string;
    const next = operands[i + 1];
    if (VALUE_OPTIONS[word] !== undefined || word === '-a' || word === '--user') {
      if (next === undefined) continue;
      if (word === '-a') command.password = next;
      else if (word === '--user') command.user = next;
      else apply(word, next);
      i++;
    } else if (FLAG_OPTIONS[word] !== undefined) {
      apply(word, true);
    } else if (word === '--no-auth-warning') {
      command.noAuthWarning = true;
    }
  }
  return command;
}
