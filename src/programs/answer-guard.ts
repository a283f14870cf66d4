import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * A tiny `sh` that outlives the grader and kills what is left of one answer
 * when the grader dies without doing it itself (SIGKILL, the OOM killer), as
 * src/redis/exit-guard.ts does for the private redis-server: it reads a pipe
 * whose only writer is the grader, and EOF without `release` first means the
 * grader is gone.
 *
 * Then it kills, three rounds over (a process may be forking meanwhile), the
 * answer's cgroup (cgroup.kill), its process group, and every process whose
 * environment holds the answer's marker; and once the cgroup is empty it
 * removes it. Each part is optional: the cgroup mode passes a cgroup and the
 * group, the process-tree mode the group and the marker.
 */
const GUARD_SCRIPT = `
trap '' INT HUP TERM
PATH="\${PATH:+$PATH:}/usr/bin:/bin"
cg=$1 group=$2 marker=$3
while IFS= read -r line; do
  [ "$line" = release ] && exit 0
done
for round in 1 2 3; do
  if [ -n "$cg" ]; then echo 1 > "$cg/cgroup.kill" 2>/dev/null; fi
  if [ -n "$group" ]; then kill -9 -"$group" 2>/dev/null; fi
  if [ -n "$marker" ]; then
    for file in $(grep -lsFxz -e "$marker" /proc/[0-9]*/environ 2>/dev/null); do
      pid=\${file#/proc/}; kill -9 "\${pid%/environ}" 2>/dev/null
    done
  fi
done
if [ -n "$cg" ]; then
  tries=0
  while [ $tries -lt 200 ] && ! grep -qsx 'populated 0' "$cg/cgroup.events"; do sleep 0.05; tries=$((tries + 1)); done
  rmdir "$cg" 2>/dev/null
fi
exit 0
`;

export interface GuardedAnswer {
  /** The answer's own cgroup folder (cgroup mode). */
  cgroupDir?: string;
  /** The answer's process group (the pid of the process it started as). */
  processGroup?: number;
  /** NAME=VALUE in the environment of every process of the answer that kept it (process-tree mode). */
  environmentMarker?: string;
}

export interface AnswerGuard {
  /** The grader has cleaned up itself: the guard exits without touching anything. */
  release(): void;
}

export function spawnAnswerGuard(answer: GuardedAnswer): AnswerGuard {
  const child = spawn('/bin/sh', ['-c', GUARD_SCRIPT, 'redis-tutor-answer-guard', answer.cgroupDir ?? '', answer.processGroup?.toString() ?? '', answer.environmentMarker ?? ''], {
    // Its own session: a Ctrl-C or a group kill aimed at the grader does not end it first.
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    // Without the marker itself, so the guard never counts itself among the answer's processes.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
  });
  const pipe = child.stdin as Socket | null;
  // The guard must never keep the grader alive, and writing to a guard that is already gone is not an error.
  child.unref();
  pipe?.unref();
  pipe?.on('error', () => undefined);
  child.on('error', () => undefined);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      if (pipe && !pipe.destroyed && pipe.writable) pipe.end('release\n');
    },
  };
}
