import type { CheckResult } from '../doctor-model.js';
import type { DockerFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** Docker is a fallback (a throwaway redis:7 container), so missing it is never a failure on its own. */
export function checkDocker(fact: DockerFact, needed: boolean, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const t = texts.docker;
  const name = 'Docker';
  const why = needed ? t.needed : t.optional;
  switch (fact.state) {
    case 'answering':
      return { name, status: 'ok', detail: t.answers(fact.serverVersion) };
    case 'no-engine':
      return { name, status: 'warn', detail: t.noEngine(fact.reason, why), nextStep: t.startIt };
    case 'missing':
      return { name, status: 'warn', detail: t.notInstalled(why), ...(needed ? { nextStep: t.installIt } : {}) };
  }
}
