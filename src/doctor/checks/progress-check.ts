import type { CheckResult } from '../doctor-model.js';
import type { ProgressFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** A progress file the tutor cannot write does not stop it, but the learner would lose their place: a warning. */
export function checkProgress(fact: ProgressFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const t = texts.progress;
  const name = texts.names.progress;
  const file = `${fact.file}${fact.fromEnv ? t.fromEnv : ''}`;
  const fix = fact.fromEnv ? t.fixEnv : t.fixFolder;
  if (fact.state === 'exists') {
    if (fact.readable && fact.writable) return { name, status: 'ok', detail: file };
    return { name, status: 'warn', detail: t.cannot(file, !fact.readable, !fact.writable), nextStep: fix };
  }
  if (fact.writable) return { name, status: 'ok', detail: t.notCreated(file) };
  return { name, status: 'warn', detail: t.cannotCreate(file, fact.creatableIn), nextStep: fix };
}
