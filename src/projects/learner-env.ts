import { join } from 'node:path';

/** What the program gets from the tutor whatever the learner's environment says (src/programs/program-env.ts). */
const SET_BY_TUTOR = new Set(['HOME', 'PATH', 'LANG', 'PYTHONUNBUFFERED', 'PYTHONDONTWRITEBYTECODE']);

/**
 * The environment of a learner's own program under `redis-tutor run`.
 * `grade` gives an untrusted submission almost nothing of the grader's
 * environment; here the program and the machine are the learner's, so their
 * variables pass through (a virtualenv, PYTHONPATH, NODE_OPTIONS), except
 * REDIS_* and what the tutor sets itself: the sandbox is the only Redis the
 * program is told about, with no leftover REDIS_PASSWORD of another server.
 *
 * The program's HOME is an empty folder (src/programs/run-program.ts), which
 * hides Python's user site-packages (`pip install --user redis`); on Linux,
 * where that folder is ~/.local, PYTHONUSERBASE points Python back at it.
 */
export function learnerProgramEnv(env: NodeJS.ProcessEnv, machine: { platform: NodeJS.Platform; home: string }): { env: NodeJS.ProcessEnv; passEnv: string[] } {
  const withUserBase: NodeJS.ProcessEnv =
    machine.platform === 'linux' && env.PYTHONUSERBASE === undefined && machine.home !== '' ? { ...env, PYTHONUSERBASE: join(machine.home, '.local') } : env;
  const passEnv = Object.keys(withUserBase).filter((name) => !name.startsWith('REDIS_') && !SET_BY_TUTOR.has(name) && withUserBase[name] !== undefined);
  return { env: withUserBase, passEnv };
}
