import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * The guard is a tiny `sh` that outlives the tutor and cleans up after it.
 *
 * It reads a pipe whose only writer is the tutor. However the tutor ends -
 * release(), a signal, an uncaught error, SIGKILL, the OOM killer - the kernel
 * closes that pipe, and `read` in the guard sees EOF. Then the guard kills the
 * redis-server (by pid), removes the Docker container (by name) and deletes
 * the server's directory. When the tutor cleaned up itself it writes
 * `release` first and the guard exits without touching anything.
 *
 * Why this holds:
 * - Node opens child pipes close-on-exec, so no other process (redis-server,
 *   later children) holds the write end and delays the EOF.
 * - The guard runs in its own session (detached), so Ctrl-C in the terminal or
 *   a process-group kill aimed at the tutor does not reach it first; it also
 *   ignores INT and HUP in case someone signals it directly.
 * - The guard never outlives its job: it exits on `release` or right after the
 *   EOF cleanup, and the tutor kills it outright when it cleans up synchronously.
 * - `gone` tells it the server already exited (and was reaped), so it never
 *   kills a pid the OS may have handed to an unrelated process.
 *
 * It is spawned right after redis-server (pid as an argument, no round trip)
 * and nothing waits for it, so it adds ~1 ms to a start.
 */
const GUARD_SCRIPT = `
trap '' INT HUP
PATH="\${PATH:+$PATH:}/usr/bin:/bin"
pid=$1 dir=$2 docker=$3 container=$4
while IFS= read -r line; do
  case $line in
    gone) pid= ;;
    release) exit 0 ;;
  esac
done
if [ -n "$pid" ]; then kill -9 "$pid" 2>/dev/null; fi
if [ -n "$container" ]; then "$docker" rm -f "$container" >/dev/null 2>&1; fi
if [ -n "$dir" ]; then rm -rf -- "$dir"; fi
exit 0
`;

export interface GuardedThings {
  pid?: number;
  dir?: string;
  container?: { name: string; dockerBinary: string };
  /** The guard finds `docker` and `rm` through this PATH. */
  env: NodeJS.ProcessEnv;
}

export interface ExitGuard {
  readonly pid: number | undefined;
  /** The guarded process exited and was reaped: never kill its pid. */
  forgetProcess(): void;
  /** The tutor cleaned up itself: the guard exits without doing anything. Resolves when it has exited. */
  dismiss(): Promise<void>;
  /** Same, for synchronous exit paths ('exit' event, signal handlers). */
  dismissNow(): void;
}

export function spawnExitGuard(things: GuardedThings): ExitGuard {
  const child = spawn(
    '/bin/sh',
    ['-c', GUARD_SCRIPT, 'redis-tutor-guard', things.pid?.toString() ?? '', things.dir ?? '', things.container?.dockerBinary ?? '', things.container?.name ?? ''],
    { detached: true, stdio: ['pipe', 'ignore', 'ignore'], env: things.env },
  );
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    // A guard that could not start (no /bin/sh) leaves the synchronous exit hooks as the only cleanup.
    child.once('error', () => resolve());
  }).then(() => {
    exited = true;
  });
  const pipe = child.stdin as Socket | null;
  // The guard must never keep the tutor alive, and writing to a guard that is already gone is not an error.
  child.unref();
  pipe?.unref();
  pipe?.on('error', () => undefined);

  const send = (line: string) => {
    if (!exited && pipe && !pipe.destroyed && pipe.writable) pipe.write(`${line}\n`);
  };

  let dismissed: Promise<void> | undefined;
  return {
    pid: child.pid,
    forgetProcess: () => send('gone'),
    dismiss() {
      dismissed ??= (async () => {
        send('release');
        pipe?.end();
        // exitedPromise alone would not keep the event loop alive (the child is unref'd).
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 2_000);
        });
        await Promise.race([exitedPromise, late]);
        clearTimeout(timer);
        if (!exited) killQuietly(child.pid);
      })();
      return dismissed;
    },
    dismissNow() {
      if (!exited) killQuietly(child.pid);
    },
  };
}

function killQuietly(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
