import { spawn } from 'node:child_process';
import { killQuietly, type ContainedProcess, type ContainedSpawn } from './contained-process.js';
import type { Containment } from './containment-mode.js';
import { listProcesses } from './proc-table.js';

/**
 * pid-namespace mode: `setpriv --pdeathsig KILL unshare --user … --pid --fork
 * --kill-child --mount-proc PROGRAM`. The program is the namespace's init;
 * when it ends, the kernel kills every other process in the namespace and
 * unshare reports the program's status only once they are all gone, so the
 * child's exit means the answer is over. The answer sees only its own
 * processes (its own /proc) and cannot leave the namespace, setsid and
 * double forks included. If the grader dies, unshare gets SIGKILL (the
 * parent-death signal) and the init gets it from unshare's --kill-child,
 * which ends the namespace. The parent-death signal fires when the thread
 * that forked ends, and Node forks from the thread that calls spawn: the
 * main thread here, which lives as long as the grader (a worker thread's end
 * would fire it early).
 */
export function spawnInPidNamespace(containment: Containment, run: ContainedSpawn): ContainedProcess {
  const { tools, unshareArgs } = containment;
  if (tools === undefined || unshareArgs === undefined) throw new Error('pid-namespace mode without its tools or unshare options');
  const child = spawn(tools.setpriv, ['--pdeathsig', 'KILL', '--', tools.unshare, ...unshareArgs, run.command, ...run.args], {
    cwd: run.cwd,
    env: run.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Set in the first 'exit' listener, before runProgram's own runs killAll().
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    const ended = () => {
      exited = true;
      resolve();
    };
    child.once('exit', ended);
    child.once('error', ended);
  });
  let init: number | undefined;
  const killAll = () => {
    if (exited || child.pid === undefined) return;
    // Killing the init, not unshare, keeps unshare waiting until the namespace is empty.
    init ??= listProcesses().find((entry) => entry.ppid === child.pid && !entry.zombie)?.pid;
    if (init !== undefined) killQuietly(init);
    else {
      // Not forked yet: the group holds unshare and a child that has not run the program.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        killQuietly(child.pid);
      }
    }
  };
  return { mode: 'pid-namespace', child, killAll, allGone: () => exitedPromise, release: () => undefined };
}
