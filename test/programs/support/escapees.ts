import { readdirSync, readFileSync } from 'node:fs';
import { isRunning } from '../../grade/support/processes.js';

/**
 * The processes (not zombies) whose command line holds `token`. Hostile
 * answers put a fresh token in the command line of everything they start
 * (`sh -c '…' escape-TOKEN`), because a pid written from inside a PID
 * namespace is the namespace's, not one this test can look up.
 */
export function processesWith(token: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (cmdline.includes(token) && isRunning(Number(name))) pids.push(Number(name));
  }
  return pids;
}

/** A token unlikely to appear in any other command line on the machine. */
export function escapeToken(): string {
  return `escape-${process.pid}-${Math.random().toString(36).slice(2)}`;
}
