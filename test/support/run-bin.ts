import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
const bin = join(repoRoot, 'bin/redis-tutor.js');

/** The built bin is what a person runs; a test that runs it says how to build it when dist/ is missing. */
export function assertBuilt(): void {
  if (!existsSync(join(repoRoot, 'dist/main.js'))) throw new Error('dist/ is missing: run `npx tsc -p tsconfig.build.json` (npm test builds first).');
}

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/redis-tutor.js ARGS` in `cwd` with a clean environment: HOME,
 * XDG_DATA_HOME and REDIS_TUTOR_HOME inside `home`, so nothing the tutor
 * keeps on a machine is read from or written to the developer's own.
 */
export function runBin(args: string[], options: { cwd: string; home: string; env?: NodeJS.ProcessEnv }): Promise<BinRun> {
  mkdirSync(options.home, { recursive: true });
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: options.home,
    XDG_DATA_HOME: join(options.home, 'data'),
    REDIS_TUTOR_HOME: join(options.home, 'tutor'),
    LANG: 'C.UTF-8',
    ...options.env,
  };
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: options.cwd, env, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}
