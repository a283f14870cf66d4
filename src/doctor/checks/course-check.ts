import type { CheckResult } from '../doctor-model.js';
import type { CourseFact } from '../doctor-facts.js';

/** The exercises ship with the package: errors in them mean a broken install (or a broken --course / REDIS_TUTOR_COURSE course). */
export function checkCourseFact(fact: CourseFact): CheckResult {
  const name = 'course';
  const reinstall = 'Reinstall redis-tutor (npm install -g redis-tutor), or run `redis-tutor validate` for the full list.';
  if (fact.state === 'unreadable') return { name, status: 'fail', detail: `${fact.dir}: ${fact.message}`, nextStep: reinstall };
  const size = `${fact.modules} modules, ${fact.exercises} exercises`;
  if (fact.errors.length > 0) {
    const more = fact.errors.length > 1 ? ` (and ${fact.errors.length - 1} more)` : '';
    return { name, status: 'fail', detail: `${size}; ${fact.errors.length} ${fact.errors.length === 1 ? 'error' : 'errors'}: ${fact.errors[0]}${more}`, nextStep: reinstall };
  }
  const warnings = fact.warnings > 0 ? `, ${fact.warnings} ${fact.warnings === 1 ? 'warning' : 'warnings'}` : '';
  return { name, status: 'ok', detail: `${size} valid${warnings}` };
}
