import { execFile } from 'node:child_process';
import { EnvironmentError } from '../errors.js';
import { versionFromServerBinaryOutput } from './server-version.js';

// The grader starts several servers at once from the same binary: ask it once.
const cache = new Map<string, Promise<string>>();

/** The version a redis-server binary reports with --version, e.g. "7.0.15". */
export function readBinaryVersion(binary: string): Promise<string> {
  let version = cache.get(binary);
  if (!version) {
    version = runVersion(binary);
    cache.set(binary, version);
    version.catch(() => cache.delete(binary));
  }
  return version;
}

function runVersion(binary: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, ['--version'], { timeout: 5_000 }, (error, stdout) => {
      const version = versionFromServerBinaryOutput(String(stdout));
      if (version !== undefined) return resolve(version);
      reject(
        new EnvironmentError(
          error
            ? `could not run ${binary} --version (${error.message.split('\n')[0]}).`
            : `${binary} --version printed no version (${JSON.stringify(String(stdout).trim().slice(0, 80))}); is it really redis-server?`,
          'Point --redis-server (or REDIS_SERVER_BIN) at a working redis-server 6.2 or newer.',
          { cause: error },
        ),
      );
    });
  });
}
