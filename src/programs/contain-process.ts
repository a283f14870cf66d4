import { debuglog } from 'node:util';
import { spawnInCgroup } from './contain-cgroup.js';
import { spawnInPidNamespace } from './contain-pid-namespace.js';
import { spawnInProcessTree } from './contain-process-tree.js';
import type { ContainedProcess, ContainedSpawn } from './contained-process.js';
import { chooseContainment, type Containment } from './containment-mode.js';

const log = debuglog('redis-tutor');
let announced: Containment | undefined;

/**
 * Starts a program answer in the strongest containment this machine allows
 * (or the one REDIS_TUTOR_CONTAINMENT names); `NODE_DEBUG=redis-tutor` says
 * which. Throws EnvironmentError when a named mode does not work here.
 */
export function spawnContained(run: ContainedSpawn, env: NodeJS.ProcessEnv = process.env): ContainedProcess {
  const containment = chooseContainment(env);
  if (announced !== containment) {
    announced = containment;
    log('program answers run in %s mode', containment.mode);
  }
  const contained =
    containment.mode === 'cgroup' ? spawnInCgroup(containment, run) : containment.mode === 'pid-namespace' ? spawnInPidNamespace(containment, run) : spawnInProcessTree(run);
  track(contained);
  return contained;
}

/** The mode answers run in here, as the report or `doctor` may tell it. */
export function containmentInUse(env: NodeJS.ProcessEnv = process.env): Containment['mode'] {
  return chooseContainment(env).mode;
}

/**
 * The wrappers exec the program themselves, so a missing interpreter or a
 * file that is not executable shows as util-linux's "setpriv: failed to
 * execute …" / "unshare: failed to execute …" with exit 127 / 126 instead of
 * a spawn error. Returns the errno Node would have given, if that is what
 * the output says.
 */
export function wrapperExecFailure(output: string, exitCode: number | null): 'ENOENT' | 'EACCES' | undefined {
  if ((exitCode !== 127 && exitCode !== 126) || !/^(setpriv|unshare): [^\n]*\n?$/.test(output)) return undefined;
  return exitCode === 127 ? 'ENOENT' : 'EACCES';
}

const live = new Set<Promise<void>>();

function track(contained: ContainedProcess): void {
  const over = new Promise<void>((resolve) => {
    contained.child.once('exit', () => resolve());
    contained.child.once('error', () => resolve());
  })
    .then(() => contained.allGone())
    .finally(() => live.delete(over));
  live.add(over);
}

/**
 * Resolves once no answer started here has a process left: what runs before
 * a report is written, so nothing an answer started can change what the
 * report says or the files next to it.
 */
export async function everyAnswerGone(): Promise<void> {
  while (live.size > 0) await Promise.all([...live]);
}
