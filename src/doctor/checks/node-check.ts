import type { CheckResult } from '../doctor-model.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** package.json "engines": the oldest Node the tutor is built and tested for. */
export const MINIMUM_NODE_MAJOR = 20;

export function checkNode(version: string, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
  const shown = version.startsWith('v') ? version : `v${version}`;
  if (Number.isInteger(major) && major >= MINIMUM_NODE_MAJOR) return { name: 'Node.js', status: 'ok', detail: shown };
  return { name: 'Node.js', status: 'fail', detail: texts.node.tooOld(shown, MINIMUM_NODE_MAJOR), nextStep: texts.node.install(MINIMUM_NODE_MAJOR) };
}
