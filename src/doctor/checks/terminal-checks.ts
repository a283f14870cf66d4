import type { CheckResult } from '../doctor-model.js';
import type { TerminalFact } from '../doctor-facts.js';
import { EN_DOCTOR_TEXTS, type DoctorTexts } from '../texts/doctor-texts.js';

/** The tutor's screen (lesson, prompt, data panel) is laid out for at least this much room. */
export const MINIMUM_COLUMNS = 80;
export const MINIMUM_ROWS = 24;

/**
 * Everything here is a warning at most: `list`, `show`, `grade` and
 * `validate` work without a terminal (in CI), only `start` needs one.
 */
export function checkTerminal(fact: TerminalFact, texts: DoctorTexts = EN_DOCTOR_TEXTS): CheckResult[] {
  return [checkTty(fact, texts), checkColour(fact, texts), checkSize(fact, texts), checkLocale(fact, texts)];
}

function checkTty(fact: TerminalFact, texts: DoctorTexts): CheckResult {
  const t = texts.terminal;
  const name = texts.names.terminal;
  if (fact.stdinTty && fact.stdoutTty) return { name, status: 'ok', detail: t.ok };
  const missing = (['stdin', 'stdout'] as const).filter((stream) => (stream === 'stdin' ? !fact.stdinTty : !fact.stdoutTty));
  return { name, status: 'warn', detail: t.notTerminal(missing), nextStep: t.runDirectly };
}

function checkColour(fact: TerminalFact, texts: DoctorTexts): CheckResult {
  return { name: texts.names.colour, status: 'ok', detail: texts.terminal.colour(fact.colour.enabled, fact.colour.cause, fact.colour.reason) };
}

function checkSize(fact: TerminalFact, texts: DoctorTexts): CheckResult {
  const t = texts.terminal;
  const name = texts.names.terminalSize;
  const want = `${MINIMUM_COLUMNS}×${MINIMUM_ROWS}`;
  if (!fact.stdoutTty || fact.columns === undefined || fact.rows === undefined) return { name, status: 'warn', detail: t.sizeUnknown(want) };
  const size = `${fact.columns}×${fact.rows}`;
  if (fact.columns >= MINIMUM_COLUMNS && fact.rows >= MINIMUM_ROWS) return { name, status: 'ok', detail: size };
  return { name, status: 'warn', detail: t.tooSmall(size, want), nextStep: t.makeBigger(want) };
}

function checkLocale(fact: TerminalFact, texts: DoctorTexts): CheckResult {
  const t = texts.terminal;
  const name = texts.names.locale;
  if (fact.locale && /utf-?8/i.test(fact.locale.value)) return { name, status: 'ok', detail: `${fact.locale.variable}=${fact.locale.value}` };
  // Windows consoles do not use these variables; Node writes UTF-16 to them, which shows the tutor's symbols.
  if (!fact.locale && fact.platform === 'win32') return { name, status: 'ok', detail: t.windowsConsole };
  return { name, status: 'warn', detail: fact.locale ? t.notUtf8(fact.locale.variable, fact.locale.value) : t.noLocale, nextStep: t.useUtf8 };
}
