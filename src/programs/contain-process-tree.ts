import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { spawnAnswerGuard } from './answer-guard.js';
import { killQuietly, pollUntilGone, type ContainedProcess, type ContainedSpawn } from './contained-process.js';
import { hasEnvironmentEntry, listProcesses, readProcEntry, type ProcEntry } from './proc-table.js';

/** Every process of a process-tree answer carries NAME=<random> in its environment, unless it replaced it. */
export const ANSWER_MARKER_ENV = 'REDIS_TUTOR_ANSWER';

/** How often the process table is read while the answer runs, to see children before they are re-parented. */
const SCAN_INTERVAL_MS = 100;

/**
 * process-tree mode, where neither a cgroup nor a namespace can be had: the
 * answer's processes are those in its process group or session, those the
 * tutor saw descend from it (the table is read every 100 ms, so a double
 * fork is usually seen before its middle process exits), and those whose
 * environment still holds the answer's marker (what setsid and a fast double
 * fork keep). All of them get SIGKILL, round after round until none is left.
 * A guard kills the group and the marked processes if the grader dies first.
 * What it cannot see: a process that left the session, dropped the marker
 * (a new environment at exec) and was re-parented between two reads.
 */
export function spawnInProcessTree(run: ContainedSpawn): ContainedProcess {
  const marker = `${ANSWER_MARKER_ENV}=${randomBytes(12).toString('hex')}`;
  const child = spawn(run.command, run.args, {
    cwd: run.cwd,
    env: { ...run.env, [ANSWER_MARKER_ENV]: marker.slice(ANSWER_MARKER_ENV.length + 1) },
    // A new session and process group whose id is the child's pid.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const root = child.pid;
  const guard = root !== undefined ? spawnAnswerGuard({ processGroup: root, environmentMarker: marker }) : undefined;
  /** pid → start time, so a reused pid is never taken for one of ours. */
  const seen = new Map<number, string>();
  const rootEntry = root !== undefined ? readProcEntry(root) : undefined;
  if (rootEntry) seen.set(rootEntry.pid, rootEntry.startTime);

  /** Adds descendants of what is known until nothing new turns up (the table is not in parent-first order). */
  const scan = (withMarker: boolean): ProcEntry[] => {
    const entries = listProcesses().filter((entry) => entry.pid !== process.pid && !entry.zombie);
    const byPid = new Map(entries.map((entry) => [entry.pid, entry]));
    const known = (pid: number) => seen.get(pid) !== undefined && seen.get(pid) === byPid.get(pid)?.startTime;
    const isOurs = (entry: ProcEntry) => known(entry.pid) || known(entry.ppid) || (root !== undefined && (entry.pgrp === root || entry.session === root));
    const ours = new Map<number, ProcEntry>();
    for (let grew = true; grew; ) {
      grew = false;
      for (const entry of entries) {
        if (ours.has(entry.pid) || !(isOurs(entry) || (withMarker && hasEnvironmentEntry(entry.pid, marker)))) continue;
        ours.set(entry.pid, entry);
        if (!seen.has(entry.pid)) seen.set(entry.pid, entry.startTime);
        grew = true;
      }
    }
    return [...ours.values()];
  };
  const timer = setInterval(() => scan(false), SCAN_INTERVAL_MS);
  timer.unref();

  const killAll = () => {
    if (root !== undefined) {
      try {
        process.kill(-root, 'SIGKILL');
      } catch {
        // The group is empty already.
      }
    }
    for (const entry of scan(true)) killQuietly(entry.pid);
  };
  return {
    mode: 'process-tree',
    child,
    killAll,
    allGone: () => pollUntilGone(() => scan(true).length === 0, killAll),
    release() {
      clearInterval(timer);
      guard?.release();
    },
  };
}
