import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { debuglog } from 'node:util';
import { EnvironmentError } from '../errors.js';
import { makeKillableCgroup, ownCgroupDir, removeCgroup } from './cgroup-v2.js';

/**
 * How a program answer is kept from outliving its grading, strongest first:
 * - cgroup: root with cgroup v2 — its own cgroup, killed whole with
 *   cgroup.kill; the answer runs without capabilities and sees the cgroup file
 *   system read-only (its own mount namespace), so it cannot move out.
 * - pid-namespace: unprivileged user namespaces — its own PID namespace, whose
 *   end takes every process in it; its pids are the namespace's.
 * - process-tree: anywhere else — its process group, its descendants as the
 *   tutor sees them, and whatever still carries its environment marker.
 */
export const CONTAINMENT_MODES = ['cgroup', 'pid-namespace', 'process-tree'] as const;
export type ContainmentMode = (typeof CONTAINMENT_MODES)[number];

/** Set in the grader's environment to choose a mode instead of the strongest available one (tests, debugging). */
export const CONTAINMENT_ENV = 'REDIS_TUTOR_CONTAINMENT';

/** util-linux tools the stronger modes use, found once on the grader's PATH and the usual folders. */
export interface ContainmentTools {
  unshare: string;
  setpriv: string;
  mount: string;
}

export interface Containment {
  mode: ContainmentMode;
  /** cgroup and pid-namespace modes: where the util-linux tools are. */
  tools?: ContainmentTools;
  /** cgroup mode: the cgroup answers are made under (the grader's own). */
  cgroupParent?: string;
  /** pid-namespace mode: unshare's options, with the user mapping this util-linux knows. */
  unshareArgs?: string[];
}

const log = debuglog('redis-tutor');

/** The shell that joins the answer to its cgroup, makes cgroup2 mounts read-only and drops every capability. */
export const CGROUP_WRAPPER = `
cg=$1 mount=$2 setpriv=$3 keep_pwd=$4; shift 4
echo $$ > "$cg/cgroup.procs" || exit 125
while read -r _ _ _ _ point _ rest; do
  case " $rest" in *' - cgroup2 '*) "$mount" -o remount,bind,ro "$point" || exit 125 ;; esac
done < /proc/self/mountinfo
[ -n "$keep_pwd" ] || unset PWD
exec "$setpriv" --inh-caps=-all --bounding-set=-all -- "$@"
`;

function findTool(name: string): string | undefined {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/bin', '/usr/sbin', '/sbin'].filter((folder) => folder !== '');
  for (const folder of folders) {
    const path = join(folder, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return undefined;
}

function findTools(): ContainmentTools | undefined {
  const [unshare, setpriv, mount] = ['unshare', 'setpriv', 'mount'].map(findTool);
  return unshare && setpriv && mount ? { unshare, setpriv, mount } : undefined;
}

const PROBE_TIMEOUT_MS = 5_000;

function runsTrue(command: string, args: string[]): boolean {
  const probe = spawnSync(command, [...args, 'true'], { stdio: 'ignore', timeout: PROBE_TIMEOUT_MS, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  return probe.status === 0;
}

function probeCgroup(tools: ContainmentTools): Containment | string {
  if (process.platform !== 'linux' || process.geteuid?.() !== 0) return 'needs root on Linux';
  const parent = ownCgroupDir();
  if (parent === undefined) return 'no cgroup v2 hierarchy';
  let dir: string;
  try {
    dir = makeKillableCgroup(parent);
  } catch (error) {
    return `cannot make a cgroup under ${parent}: ${error instanceof Error ? error.message : String(error)}`;
  }
  try {
    const works = runsTrue(tools.unshare, ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', CGROUP_WRAPPER, 'sh', dir, tools.mount, tools.setpriv, '']);
    return works ? { mode: 'cgroup', tools, cgroupParent: parent } : 'a trial answer could not join a cgroup in a mount namespace of its own';
  } finally {
    removeCgroup(dir);
  }
}

function probePidNamespace(tools: ContainmentTools): Containment | string {
  if (process.platform !== 'linux') return 'needs Linux';
  // --map-current-user keeps the answer's uid; util-linux before 2.38 knows only --map-root-user.
  for (const mapping of ['--map-current-user', '--map-root-user']) {
    const unshareArgs = ['--user', mapping, '--pid', '--fork', '--kill-child', '--mount-proc', '--'];
    if (runsTrue(tools.setpriv, ['--pdeathsig', 'KILL', '--', tools.unshare, ...unshareArgs])) return { mode: 'pid-namespace', tools, unshareArgs };
  }
  return 'user namespaces are not available to this user';
}

function probe(mode: ContainmentMode): Containment | string {
  if (mode === 'process-tree') return { mode };
  const tools = findTools();
  if (!tools) return 'unshare, setpriv and mount (util-linux) are not all installed';
  return mode === 'cgroup' ? probeCgroup(tools) : probePidNamespace(tools);
}

const probed = new Map<ContainmentMode, Containment | string>();

function probeOnce(mode: ContainmentMode): Containment | string {
  let found = probed.get(mode);
  if (found === undefined) {
    found = probe(mode);
    probed.set(mode, found);
    log('answers %s: %s', typeof found === 'string' ? `cannot run in ${mode} mode` : `can run in ${mode} mode`, typeof found === 'string' ? found : (found.cgroupParent ?? found.unshareArgs?.join(' ') ?? 'group, descendants, marker'));
  }
  return found;
}

/** Whether a mode works on this machine, and if not why (for tests and `NODE_DEBUG=redis-tutor`). */
export function probeContainment(mode: ContainmentMode): Containment | string {
  return probeOnce(mode);
}

function isMode(value: string): value is ContainmentMode {
  return (CONTAINMENT_MODES as readonly string[]).includes(value);
}

/**
 * The mode answers run in: the one REDIS_TUTOR_CONTAINMENT names (an error
 * when it does not work here), else the strongest that works. Probed once
 * per process, a few milliseconds.
 */
export function chooseContainment(env: NodeJS.ProcessEnv = process.env): Containment {
  const asked = env[CONTAINMENT_ENV];
  if (asked !== undefined && asked !== '') {
    if (!isMode(asked)) {
      throw new EnvironmentError(`${CONTAINMENT_ENV}=${asked} is not a containment mode.`, `Use one of ${CONTAINMENT_MODES.join(', ')}, or unset it to use the strongest that works.`);
    }
    const found = probeOnce(asked);
    if (typeof found === 'string') {
      throw new EnvironmentError(`${CONTAINMENT_ENV}=${asked}, but that mode does not work here: ${found}.`, `Unset ${CONTAINMENT_ENV} to use the strongest mode that works.`);
    }
    return found;
  }
  for (const mode of CONTAINMENT_MODES) {
    const found = probeOnce(mode);
    if (typeof found !== 'string') return found;
  }
  // process-tree always works.
  return probeOnce('process-tree') as Containment;
}
