import { spawn } from 'node:child_process';
import { spawnAnswerGuard } from './answer-guard.js';
import { cgroupEmpty, killCgroup, makeKillableCgroup, removeCgroup } from './cgroup-v2.js';
import { killQuietly, pollUntilGone, type ContainedProcess, type ContainedSpawn } from './contained-process.js';
import { CGROUP_WRAPPER, type Containment } from './containment-mode.js';

/**
 * cgroup mode: the answer starts as a shell in a mount namespace of its own
 * that joins a new cgroup, makes every cgroup2 mount read-only and execs the
 * program through setpriv without capabilities — so the program keeps the
 * child's pid and exit status, and neither it nor anything it starts
 * (setsid, double forks) can move to another cgroup. cgroup.kill ends them
 * all; the cgroup's `populated 0` says they are gone. A guard does the same
 * if the grader dies first.
 */
export function spawnInCgroup(containment: Containment, run: ContainedSpawn): ContainedProcess {
  const { tools, cgroupParent } = containment;
  if (tools === undefined || cgroupParent === undefined) throw new Error('cgroup mode without its tools or parent cgroup');
  const dir = makeKillableCgroup(cgroupParent);
  const child = spawn(
    tools.unshare,
    ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', CGROUP_WRAPPER, 'sh', dir, tools.mount, tools.setpriv, run.env.PWD !== undefined ? 'keep' : '', run.command, ...run.args],
    // Its own process group too: until the shell has joined the cgroup, the group is what reaches it.
    { cwd: run.cwd, env: run.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const guard = child.pid !== undefined ? spawnAnswerGuard({ cgroupDir: dir, processGroup: child.pid }) : undefined;
  const killAll = () => {
    killCgroup(dir);
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        killQuietly(child.pid);
      }
    }
  };
  return {
    mode: 'cgroup',
    child,
    killAll,
    allGone: () => pollUntilGone(() => cgroupEmpty(dir), killAll),
    release() {
      removeCgroup(dir);
      guard?.release();
    },
  };
}
