import { REDIS_PY_INSTALL } from '../../programs/interpreters.js';
import type { CheckResult } from '../doctor-model.js';
import type { ProgramsFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

const CHOSEN_BY = { option: '', env: ' (REDIS_TUTOR_PYTHON)', default: '' } as const;

/**
 * Whether program answers can be graded and run, one line per client
 * library: Python with redis-py, Node.js with ioredis. The tutor itself
 * needs neither, so what is missing is a warning with the way to get it,
 * never a failure.
 */
export function checkProgramLibraries(fact: ProgramsFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult[] {
  return [checkPython(fact.python, texts), checkJavaScript(fact, texts)];
}

function checkPython({ path, origin, facts }: ProgramsFact['python'], texts: DoctorTexts): CheckResult {
  const t = texts.programs;
  const name = 'redis-py';
  const which = `${path}${CHOSEN_BY[origin]}`;
  if (facts.state === 'unusable') return { name, status: 'warn', detail: t.pythonDoesNotRun(which, facts.reason), nextStep: t.installPython };
  if (facts.redisPy === undefined) return { name, status: 'warn', detail: t.noRedisPy(which, facts.version), nextStep: t.installRedisPy(REDIS_PY_INSTALL) };
  return { name, status: 'ok', detail: t.redisPy(which, facts.version, facts.redisPy) };
}

function checkJavaScript({ node, ioredis }: ProgramsFact, texts: DoctorTexts): CheckResult {
  const t = texts.programs;
  const name = 'ioredis';
  const which = `${node.path}${node.origin === 'env' ? ' (REDIS_TUTOR_NODE)' : ''}`;
  if (node.version === undefined) return { name, status: 'warn', detail: t.nodeDoesNotRun(which, node.failure), nextStep: t.nameNode };
  if (ioredis === undefined) return { name, status: 'warn', detail: t.noIoredis(node.version), nextStep: t.reinstallIoredis };
  return { name, status: 'ok', detail: t.ioredis(node.version, ioredis) };
}
