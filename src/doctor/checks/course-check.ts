import type { CheckResult } from '../doctor-model.js';
import type { CourseFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** The exercises ship with the package: errors in them mean a broken install (or a broken --course / REDIS_TUTOR_COURSE course). */
export function checkCourseFact(fact: CourseFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const t = texts.course;
  const name = texts.names.course;
  if (fact.state === 'unreadable') return { name, status: 'fail', detail: `${fact.dir}: ${fact.message}`, nextStep: t.reinstall };
  const size = t.size(fact.modules, fact.exercises);
  if (fact.errors.length > 0) return { name, status: 'fail', detail: t.errors(size, fact.errors.length, fact.errors[0] ?? ''), nextStep: t.reinstall };
  return { name, status: 'ok', detail: t.valid(size, fact.warnings) };
}
