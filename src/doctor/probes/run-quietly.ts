import { execFile } from 'node:child_process';

export interface QuietRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Why it failed, in one line ("timed out after 2000 ms", "spawn ENOENT"...). */
  failure: string;
}

/** Runs a probe command with a time limit; never throws, never prints. */
export function runQuietly(binary: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<QuietRun> {
  return new Promise((resolve) => {
    execFile(binary, args, { env, timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const out = String(stdout);
      const err = String(stderr);
      if (!error) return resolve({ ok: true, stdout: out, stderr: err, failure: '' });
      const timedOut = error.killed === true || error.signal === 'SIGTERM';
      const firstLine = (err.trim() || error.message).split('\n')[0] ?? '';
      resolve({ ok: false, stdout: out, stderr: err, failure: timedOut ? `no answer within ${timeoutMs} ms` : firstLine });
    });
  });
}
