import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

const POLL_MS = 50;

/**
 * Watches the resident memory of the grader's private redis-server and calls
 * `onExceeded` once it passes the limit. maxmemory alone does not hold: an
 * answer can CONFIG SET maxmemory 0, and a Lua script may allocate past
 * maxmemory while it runs (the server answers nothing meanwhile, so the
 * memory is read from /proc, not from INFO). Where there is no /proc
 * (macOS, a student's laptop) it does nothing. The pid is asked for on
 * every poll: the engine may restart the server during an exercise.
 */
export function watchMemory(pid: () => number, limitBytes: number, onExceeded: (rssBytes: number) => void): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    const rss = await residentBytes(pid());
    if (stopped) return;
    if (rss === undefined && !existsSync('/proc/self')) return; // no /proc: nothing to watch
    if (rss !== undefined && rss > limitBytes) {
      stopped = true;
      onExceeded(rss);
      return;
    }
    timer = setTimeout(() => void poll(), POLL_MS);
  };
  void poll();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** VmRSS of /proc/PID/status, in bytes; undefined when it cannot be read. */
export async function residentBytes(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const kilobytes = status === undefined ? undefined : /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kilobytes === undefined ? undefined : Number(kilobytes) * 1024;
}
