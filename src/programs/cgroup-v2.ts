import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where this process sits in the cgroup v2 hierarchy, as a folder: the
 * cgroup2 mount from /proc/self/mountinfo joined with the "0::" line of
 * /proc/self/cgroup. Undefined without cgroup v2 (or without /proc).
 */
export function ownCgroupDir(): string | undefined {
  try {
    const mount = readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .find((fields) => fields[fields.indexOf('-') + 1] === 'cgroup2')?.[4];
    const path = /^0::(.*)$/m.exec(readFileSync('/proc/self/cgroup', 'utf8'))?.[1];
    if (mount === undefined || path === undefined) return undefined;
    return join(mount, path);
  } catch {
    return undefined;
  }
}

/** Every mount point of a cgroup2 file system this process sees: the answer gets them read-only. */
export function cgroup2MountPoints(): string[] {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => fields[fields.indexOf('-') + 1] === 'cgroup2')
      .flatMap((fields) => (fields[4] !== undefined ? [fields[4]] : []));
  } catch {
    return [];
  }
}

let made = 0;

/** A new, empty child cgroup that can be killed whole (cgroup.kill, Linux 5.14+); throws when it cannot be made. */
export function makeKillableCgroup(parent: string): string {
  const dir = join(parent, `redis-tutor-answer-${process.pid}-${++made}`);
  mkdirSync(dir);
  if (!existsSync(join(dir, 'cgroup.kill'))) {
    removeCgroup(dir);
    throw new Error('this kernel has no cgroup.kill (Linux 5.14 or newer has it)');
  }
  return dir;
}

/** SIGKILL to every process in the cgroup, those forking meanwhile included. */
export function killCgroup(dir: string): void {
  try {
    writeFileSync(join(dir, 'cgroup.kill'), '1');
  } catch {
    // Removed already.
  }
}

/** No process left in it (zombies included: a task leaves its cgroup when it exits). */
export function cgroupEmpty(dir: string): boolean {
  try {
    return /^populated 0$/m.test(readFileSync(join(dir, 'cgroup.events'), 'utf8'));
  } catch {
    return true;
  }
}

export function removeCgroup(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // Still populated (the answer guard removes it later) or gone already.
  }
}
