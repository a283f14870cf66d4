import type { CheckResult } from '../doctor-model.js';
import type { ProgressFact } from '../doctor-facts.js';

/** A progress file the tutor cannot write does not stop it, but the learner would lose their place: a warning. */
export function checkProgress(fact: ProgressFact): CheckResult {
  const name = 'progress';
  const origin = fact.fromEnv ? ' (from REDIS_TUTOR_HOME)' : '';
  const fix = fact.fromEnv
    ? 'Point REDIS_TUTOR_HOME at a folder you can write, or unset it.'
    : 'Fix the folder\'s permissions, or set REDIS_TUTOR_HOME to a folder you can write.';
  if (fact.state === 'exists') {
    if (fact.readable && fact.writable) return { name, status: 'ok', detail: `${fact.file}${origin}` };
    const cannot = [fact.readable ? undefined : 'read', fact.writable ? undefined : 'written'].filter(Boolean).join(' or ');
    return { name, status: 'warn', detail: `${fact.file}${origin} cannot be ${cannot}: progress will not be saved`, nextStep: fix };
  }
  if (fact.writable) return { name, status: 'ok', detail: `${fact.file}${origin} (not created yet)` };
  return { name, status: 'warn', detail: `${fact.file}${origin} cannot be created: ${fact.creatableIn} is not writable, so progress will not be saved`, nextStep: fix };
}
