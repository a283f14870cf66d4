import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import { hostname, uptime } from 'node:os';

/*
 * A pid names a process only on one machine, in one pid namespace, between
 * two boots. The marker names that space, so a record that says "pid 4242
 * holds this" can be checked here, and is left alone when it was written
 * elsewhere (another machine, another container on the same kernel).
 */

let cached: string | undefined;

/** 8 hex digits for this machine's current pid space. */
export function machineMarker(): string {
  cached ??= createHash('sha256').update(pidSpace()).digest('hex').slice(0, 8);
  return cached;
}

function pidSpace(): string {
  try {
    // Linux: the boot, and the pid namespace (containers on one kernel share the boot id, not the namespace).
    return `${readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    // Elsewhere: the host and the minute it booted.
    return `${hostname()} ${Math.round((Date.now() / 1000 - uptime()) / 60)}`;
  }
}

/** Whether process `pid` of this machine runs (one of another user counts; a zombie does not). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    // No /proc (macOS): signal 0 is all there is. With /proc: it ended just now.
    return !existsSync('/proc/self/stat');
  }
}
