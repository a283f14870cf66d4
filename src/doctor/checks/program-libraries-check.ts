import { REDIS_PY_INSTALL } from '../../programs/interpreters.js';
import type { CheckResult } from '../doctor-model.js';
import type { ProgramsFact } from '../doctor-facts.js';

const CHOSEN_BY = { option: '', env: ' (REDIS_TUTOR_PYTHON)', default: '' } as const;

/**
 * Whether program answers can be graded and run, one line per client
 * library: Python with redis-py, Node.js with ioredis. The tutor itself
 * needs neither, so what is missing is a warning with the way to get it,
 * never a failure.
 */
export function checkProgramLibraries(fact: ProgramsFact): CheckResult[] {
  return [checkPython(fact.python), checkJavaScript(fact)];
}

function checkPython({ path, origin, facts }: ProgramsFact['python']): CheckResult {
  const name = 'redis-py';
  const which = `${path}${CHOSEN_BY[origin]}`;
  if (facts.state === 'unusable') {
    return {
      name,
      status: 'warn',
      detail: `${which} does not run: ${facts.reason}`,
      nextStep: 'Install Python 3 (sudo apt-get install -y python3), or name one with --python PATH or REDIS_TUTOR_PYTHON. Only .py answers need it.',
    };
  }
  if (facts.redisPy === undefined) {
    return {
      name,
      status: 'warn',
      detail: `${which} ${facts.version} has no redis-py, so \`import redis\` fails`,
      nextStep: `Install it for that Python: ${REDIS_PY_INSTALL}; or name a Python that has it with --python PATH or REDIS_TUTOR_PYTHON.`,
    };
  }
  return { name, status: 'ok', detail: `${which} ${facts.version} with redis-py ${facts.redisPy}` };
}

function checkJavaScript({ node, ioredis }: ProgramsFact): CheckResult {
  const name = 'ioredis';
  const which = `${node.path}${node.origin === 'env' ? ' (REDIS_TUTOR_NODE)' : ''}`;
  if (node.version === undefined) {
    return { name, status: 'warn', detail: `${which} does not run: ${node.failure ?? 'no version'}`, nextStep: 'Name a Node.js 20 or newer with --node PATH or REDIS_TUTOR_NODE, or leave both out to use the one running redis-tutor.' };
  }
  if (ioredis === undefined) {
    return { name, status: 'warn', detail: `node ${node.version}; redis-tutor's own ioredis is missing`, nextStep: 'Reinstall redis-tutor (npm install -g redis-tutor), or install ioredis beside the answers (npm install ioredis).' };
  }
  return { name, status: 'ok', detail: `node ${node.version} with ioredis ${ioredis} (redis-tutor's own: \`import Redis from 'ioredis'\` works offline)` };
}
