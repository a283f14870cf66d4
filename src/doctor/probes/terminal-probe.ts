import type { Io } from '../../io.js';
import { decideColour } from '../colour.js';
import type { TerminalFact } from '../doctor-facts.js';

/** What the terminal doctor runs in looks like; the tutor's own screen would be in the same one. */
export function probeTerminal(io: Io, platform: NodeJS.Platform = process.platform): TerminalFact {
  const stdoutTty = io.stdout.isTTY === true;
  return {
    platform,
    stdinTty: io.stdin.isTTY === true,
    stdoutTty,
    columns: stdoutTty ? io.stdout.columns : undefined,
    rows: stdoutTty ? io.stdout.rows : undefined,
    colour: decideColour(io.env, stdoutTty),
    locale: localeOf(io.env),
  };
}

/** The precedence the C library uses for the character set: LC_ALL, then LC_CTYPE, then LANG. */
function localeOf(env: NodeJS.ProcessEnv): TerminalFact['locale'] {
  for (const variable of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const value = env[variable];
    if (value) return { variable, value };
  }
  return undefined;
}
