import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { waitUntil } from '../../support/wait-until.js';

/** Reads the pids a hostile program wrote (one a line) and expects every one of them to be gone. */
export async function expectAllGone(pidFile: string, count: number): Promise<void> {
  const pids = readFileSync(pidFile, 'utf8').trim().split('\n').map(Number);
  expect(pids).toHaveLength(count);
  // The kernel delivers SIGKILL to the whole group, and an init reaps, in its own time.
  await waitUntil(() => !pids.some(isRunning), `the hostile program's processes ${pids.join(', ')} to be gone`);
}

/**
 * Whether the process still runs. A zombie (killed, waiting for an init that
 * may be slow to reap it in a container) does not; without /proc (macOS),
 * signal 0 is the best there is.
 */
export function isRunning(pid: number): boolean {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    if (existsSync('/proc/self')) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return !/^\d+ \(.*\) [ZX] /s.test(stat);
}
