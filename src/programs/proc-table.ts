import { readdirSync, readFileSync } from 'node:fs';

/** One line of the process table, as /proc/PID/stat tells it. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** Clock ticks after boot: with the pid, names one process even once the pid is reused. */
  startTime: string;
  /** Exited, waiting for its parent: it runs no more code and cannot be killed. */
  zombie: boolean;
}

/** The fields after the command name, whose parentheses may hold anything (even ") "). */
function parseStat(pid: number, stat: string): ProcEntry | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [state, ppid, pgrp, session] = fields;
  const startTime = fields[19];
  if (state === undefined || ppid === undefined || pgrp === undefined || session === undefined || startTime === undefined) return undefined;
  return { pid, ppid: Number(ppid), pgrp: Number(pgrp), session: Number(session), startTime, zombie: state === 'Z' || state === 'X' };
}

export function readProcEntry(pid: number): ProcEntry | undefined {
  try {
    return parseStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Every process the kernel shows; empty where there is no /proc (macOS). */
export function listProcesses(): ProcEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const entries: ProcEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readProcEntry(Number(name));
    if (entry) entries.push(entry);
  }
  return entries;
}

/** Whether the process was started with NAME=VALUE in its environment (false when it cannot be read). */
export function hasEnvironmentEntry(pid: number, entry: string): boolean {
  try {
    // NUL-separated; a NUL in front makes the first entry match like the others.
    return Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]).includes(Buffer.from(`\0${entry}\0`));
  } catch {
    return false;
  }
}

/** Whether this very process (pid and start time) still runs code. */
export function stillRuns(pid: number, startTime: string): boolean {
  const entry = readProcEntry(pid);
  return entry !== undefined && entry.startTime === startTime && !entry.zombie;
}
