import { execFile } from 'node:child_process';

/** Which interpreters run program answers: --python / --node, else these variables, else python3 from PATH and the Node.js running the tutor. */
export const PYTHON_ENV = 'REDIS_TUTOR_PYTHON';
export const NODE_ENV = 'REDIS_TUTOR_NODE';
export const DEFAULT_PYTHON = 'python3';

export interface Interpreters {
  python: string;
  node: string;
}

export function chooseInterpreters(chosen: { python?: string | undefined; node?: string | undefined }, env: NodeJS.ProcessEnv): Interpreters {
  const pick = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value : undefined);
  return {
    python: pick(chosen.python) ?? pick(env[PYTHON_ENV]) ?? DEFAULT_PYTHON,
    node: pick(chosen.node) ?? pick(env[NODE_ENV]) ?? process.execPath,
  };
}

/** What a Python interpreter is: its version, whether it has -P (3.11), and redis-py's version if it can import it. */
export type PythonFacts = { state: 'runs'; version: string; safePathOption: boolean; redisPy: string | undefined } | { state: 'unusable'; reason: string };

const PROBE = [
  'import sys',
  "print('%d.%d.%d' % sys.version_info[:3])",
  'try:',
  '    import redis',
  "    print(getattr(redis, '__version__', 'unknown'))",
  'except Exception:',
  "    print('-')",
].join('\n');
const PROBE_TIMEOUT_MS = 10_000;

const probed = new Map<string, Promise<PythonFacts>>();

/**
 * Asks the interpreter itself, once per path and process. The probe runs
 * with -I (no user site, no PYTHON* variables of the grader's) so a module
 * named redis.py in the folder it happens to run in cannot pass for redis-py;
 * PATH is passed for `python3` to be found.
 */
export function probePython(python: string, path: string | undefined = process.env.PATH): Promise<PythonFacts> {
  let facts = probed.get(python);
  if (!facts) {
    facts = new Promise((resolve) => {
      execFile(python, ['-c', PROBE], { timeout: PROBE_TIMEOUT_MS, env: { PATH: path ?? '/usr/local/bin:/usr/bin:/bin' }, cwd: '/' }, (error, stdout, stderr) => {
        const [version, redisPy] = stdout.trim().split('\n');
        if (error || version === undefined || !/^\d+\.\d+\.\d+$/.test(version)) {
          const code = (error as NodeJS.ErrnoException | null)?.code;
          resolve({ state: 'unusable', reason: code === 'ENOENT' ? `${python} was not found` : (stderr.trim().split('\n').at(-1) ?? error?.message ?? 'it did not run') });
          return;
        }
        const [major = 0, minor = 0] = version.split('.').map(Number);
        resolve({ state: 'runs', version, safePathOption: major > 3 || (major === 3 && minor >= 11), redisPy: redisPy === '-' || redisPy === undefined ? undefined : redisPy });
      });
    });
    probed.set(python, facts);
  }
  return facts;
}

/** How to install redis-py, for the one line a missing module gets. */
export const REDIS_PY_INSTALL = 'pip install redis, or apt-get install python3-redis';
