import { REDIS_PY_INSTALL, type Interpreters } from './interpreters.js';
import type { ProgramCommand } from './program-command.js';

/**
 * One clear line for a program that died importing a module the machine
 * lacks: which module, for which interpreter, and how to get it; undefined
 * when its output shows no such failure.
 */
export function missingModule(output: string, program: ProgramCommand, interpreters: Interpreters): string | undefined {
  if (program.language === 'python') {
    const name = /ModuleNotFoundError: No module named '([^'.]+)/.exec(output)?.[1];
    if (name === undefined) return undefined;
    if (name === 'redis') return `redis-py is not installed for ${interpreters.python} (${REDIS_PY_INSTALL}; or choose a Python that has it with --python PATH)`;
    return `the Python module ${name} is not installed for ${interpreters.python} (pip install ${name})`;
  }
  if (program.language === 'javascript') {
    const name = /Cannot find (?:package|module) '([^']+)'/.exec(output)?.[1];
    if (name === undefined || name.startsWith('.') || name.startsWith('/')) return undefined;
    return `the package ${name} is not installed where the answer can import it (npm install ${name} in the submission folder)`;
  }
  return undefined;
}
