import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_HINT = 'Install it with: sudo apt-get install -y python3-redis   (or: python3 -m pip install redis)';

function importsRedis(python: string, path: string | undefined): boolean {
  try {
    execFileSync(python, ['-c', 'import redis'], { stdio: 'pipe', env: { ...process.env, ...(path !== undefined ? { PATH: path } : {}) } });
    return true;
  } catch {
    return false;
  }
}

/**
 * A PATH on which `python3` has redis-py, for tests that run Python programs
 * the way the tutor does (by the name python3). pyenv's python3 often comes
 * first and lacks it; Debian's /usr/bin/python3 has it with python3-redis.
 * None that has it is a loud failure with the install hint, never a skip.
 */
export function pathWithRedisPy(): string {
  const path = process.env.PATH ?? '';
  if (importsRedis('python3', path)) return path;
  const system = '/usr/bin/python3';
  // Only python3 moves to the front: prepending /usr/bin itself would also put Debian's redis-server
  // before the one the PATH chose (the compatibility matrix runs the suite with Redis 8 and Valkey first).
  if (importsRedis(system, path)) return `${pythonOnlyDir(system)}:${path}`;
  throw new Error(`these tests run Python programs and need a python3 with redis-py; neither python3 on PATH nor ${system} has it.\n${INSTALL_HINT}`);
}

let linkDir: string | undefined;

/** A folder holding nothing but `python3`, a link to the given interpreter; made once per test process. */
function pythonOnlyDir(python: string): string {
  if (linkDir === undefined) {
    linkDir = mkdtempSync(join(tmpdir(), 'redis-tutor-python3-'));
    symlinkSync(python, join(linkDir, 'python3'));
    const made = linkDir;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return linkDir;
}

/** The absolute path of a python3 that has redis-py (see pathWithRedisPy), for --python. */
export function pythonWithRedisPy(): string {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8', env: { ...process.env, PATH: pathWithRedisPy() } }).trim();
}
