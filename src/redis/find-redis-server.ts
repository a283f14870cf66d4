import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../errors.js';

export type RedisServerSource = 'option' | 'env' | 'path';

export interface FoundRedisServer {
  path: string;
  /** Where the path came from: an explicit choice must work, a PATH find may be passed over. */
  source: RedisServerSource;
}

/**
 * The redis-server binary to run: `--redis-server PATH`, then REDIS_SERVER_BIN,
 * then the first `redis-server` on PATH. An explicit choice that is not an
 * executable is the person's mistake (UserError); nothing on PATH is simply
 * undefined, so the caller can try Docker next.
 */
export function findRedisServer(options: { explicitPath?: string; env: NodeJS.ProcessEnv; cwd?: string }): FoundRedisServer | undefined {
  const cwd = options.cwd ?? process.cwd();
  if (options.explicitPath) return { path: requireExecutable(options.explicitPath, '--redis-server', cwd), source: 'option' };
  const fromEnv = options.env['REDIS_SERVER_BIN'];
  if (fromEnv) return { path: requireExecutable(fromEnv, 'REDIS_SERVER_BIN', cwd), source: 'env' };
  const onPath = findOnPath('redis-server', options.env);
  return onPath === undefined ? undefined : { path: onPath, source: 'path' };
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const directory of (env['PATH'] ?? '').split(delimiter)) {
    if (directory === '' || !isAbsolute(directory)) continue;
    const candidate = join(directory, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function requireExecutable(path: string, origin: string, cwd: string): string {
  const absolute = resolve(cwd, path);
  if (isExecutableFile(absolute)) return absolute;
  throw new UserError(
    `${origin} points at ${path}, and that is not an executable file.`,
    'Give the full path of a redis-server binary (`command -v redis-server` shows it), or leave it out to use the one on PATH.',
  );
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
