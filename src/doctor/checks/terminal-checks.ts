import type { CheckResult } from '../doctor-model.js';
import type { TerminalFact } from '../doctor-facts.js';

/** The tutor's screen (lesson, prompt, data panel) is laid out for at least this much room. */
export const MINIMUM_COLUMNS = 80;
export const MINIMUM_ROWS = 24;

/**
 * Everything here is a warning at most: `list`, `show`, `grade` and
 * `validate` work without a terminal (in CI), only `start` needs one.
 */
export function checkTerminal(fact: TerminalFact): CheckResult[] {
  return [checkTty(fact), checkColour(fact), checkSize(fact), checkLocale(fact)];
}

function checkTty(fact: TerminalFact): CheckResult {
  const name = 'terminal';
  if (fact.stdinTty && fact.stdoutTty) return { name, status: 'ok', detail: 'stdin and stdout are a terminal' };
  const missing = [fact.stdinTty ? undefined : 'stdin', fact.stdoutTty ? undefined : 'stdout'].filter(Boolean).join(' and ');
  return {
    name,
    status: 'warn',
    detail: `${missing} ${missing.includes(' and ') ? 'are' : 'is'} not a terminal: \`redis-tutor start\` needs one (list, show, grade and validate do not)`,
    nextStep: 'Run `redis-tutor start` directly in a terminal, not through a pipe or redirect.',
  };
}

function checkColour(fact: TerminalFact): CheckResult {
  return { name: 'colour', status: 'ok', detail: `${fact.colour.enabled ? 'on' : 'off'} (${fact.colour.reason})` };
}

function checkSize(fact: TerminalFact): CheckResult {
  const name = 'terminal size';
  const want = `${MINIMUM_COLUMNS}×${MINIMUM_ROWS}`;
  if (!fact.stdoutTty || fact.columns === undefined || fact.rows === undefined) {
    return { name, status: 'warn', detail: `unknown (stdout is not a terminal); the tutor needs at least ${want}` };
  }
  const size = `${fact.columns}×${fact.rows}`;
  if (fact.columns >= MINIMUM_COLUMNS && fact.rows >= MINIMUM_ROWS) return { name, status: 'ok', detail: size };
  return { name, status: 'warn', detail: `${size}, smaller than ${want}: lines will wrap and panels will be cut`, nextStep: `Make the window at least ${want}.` };
}

function checkLocale(fact: TerminalFact): CheckResult {
  const name = 'locale';
  if (fact.locale && /utf-?8/i.test(fact.locale.value)) return { name, status: 'ok', detail: `${fact.locale.variable}=${fact.locale.value}` };
  // Windows consoles do not use these variables; Node writes UTF-16 to them, which shows the tutor's symbols.
  if (!fact.locale && fact.platform === 'win32') return { name, status: 'ok', detail: 'Windows console' };
  return {
    name,
    status: 'warn',
    detail: fact.locale ? `${fact.locale.variable}=${fact.locale.value} is not UTF-8: box lines and Russian texts will not show` : 'none set (LC_ALL, LC_CTYPE, LANG): UTF-8 is not assured',
    nextStep: 'Use a UTF-8 locale, e.g. export LANG=C.UTF-8 (or en_US.UTF-8).',
  };
}
