import { describe, expect, it } from 'vitest';
import { checkTerminal } from '../../src/doctor/checks/terminal-checks.js';
import { decideColour } from '../../src/doctor/colour.js';
import type { TerminalFact } from '../../src/doctor/doctor-facts.js';
import type { CheckStatus } from '../../src/doctor/doctor-model.js';
import { healthyFacts } from './healthy-facts.js';

const terminal = (changes: Partial<TerminalFact>): TerminalFact => ({ ...healthyFacts().terminal, ...changes });
const line = (fact: TerminalFact, name: string) => checkTerminal(fact).find((r) => r.name === name);

describe('decideColour', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean, boolean, string]>([
    ['a terminal', {}, true, true, 'a colour terminal'],
    ['a pipe', {}, false, false, 'stdout is not a terminal'],
    ['NO_COLOR on a terminal', { NO_COLOR: '1' }, true, false, 'NO_COLOR is set'],
    ['empty NO_COLOR does not count (no-color.org)', { NO_COLOR: '' }, true, true, 'a colour terminal'],
    ['FORCE_COLOR on a pipe', { FORCE_COLOR: '1' }, false, true, 'FORCE_COLOR=1'],
    ['FORCE_COLOR wins over NO_COLOR, as in Node', { FORCE_COLOR: '1', NO_COLOR: '1' }, true, true, 'FORCE_COLOR=1'],
    ['FORCE_COLOR=0 turns it off', { FORCE_COLOR: '0' }, true, false, 'FORCE_COLOR=0'],
    ['TERM=dumb', { TERM: 'dumb' }, true, false, 'TERM=dumb'],
  ])('%s', (_, env, tty, enabled, reason) => {
    expect(decideColour(env, tty)).toMatchObject({ enabled, reason });
  });
});

describe('checkTerminal', () => {
  it.each<[string, Partial<TerminalFact>, string, CheckStatus, string]>([
    ['both TTYs', {}, 'terminal', 'ok', 'stdin and stdout are a terminal'],
    ['piped stdin', { stdinTty: false }, 'terminal', 'warn', 'stdin is not a terminal: `redis-tutor start` needs one (list, show, grade and validate do not)'],
    ['no TTY at all', { stdinTty: false, stdoutTty: false }, 'terminal', 'warn', 'stdin and stdout are not a terminal: `redis-tutor start` needs one (list, show, grade and validate do not)'],
    ['80×24 exactly', { columns: 80, rows: 24 }, 'terminal size', 'ok', '80×24'],
    ['too narrow', { columns: 79, rows: 40 }, 'terminal size', 'warn', '79×40, smaller than 80×24: lines will wrap and panels will be cut'],
    ['too short', { columns: 120, rows: 23 }, 'terminal size', 'warn', '120×23, smaller than 80×24: lines will wrap and panels will be cut'],
    ['size unknown off a terminal', { stdoutTty: false, columns: undefined, rows: undefined }, 'terminal size', 'warn', 'unknown (stdout is not a terminal); the tutor needs at least 80×24'],
    ['colour off is reported, not a problem', { colour: { enabled: false, reason: 'NO_COLOR is set' } }, 'colour', 'ok', 'off (NO_COLOR is set)'],
    ['UTF-8 locale', { locale: { variable: 'LC_ALL', value: 'C.utf8' } }, 'locale', 'ok', 'LC_ALL=C.utf8'],
    ['POSIX locale', { locale: { variable: 'LANG', value: 'C' } }, 'locale', 'warn', 'LANG=C is not UTF-8: box lines and Russian texts will not show'],
    ['no locale on Linux', { locale: undefined }, 'locale', 'warn', 'none set (LC_ALL, LC_CTYPE, LANG): UTF-8 is not assured'],
    ['no locale on Windows', { locale: undefined, platform: 'win32' }, 'locale', 'ok', 'Windows console'],
  ])('%s', (_, changes, name, expected, detail) => {
    const result = line(terminal(changes), name);
    expect(result?.status).toBe(expected);
    expect(result?.detail).toBe(detail);
    // Every warning says what to do, except an unknown size, which the TTY line already explains.
    if (expected === 'warn' && name !== 'terminal size') expect(result?.nextStep).toBeTruthy();
  });
});
