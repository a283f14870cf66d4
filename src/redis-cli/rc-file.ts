/**
 * redis-cli 7.0's preferences: `:set hints` / `:set nohints`, typed at the
 * prompt or read from `$REDISCLI_RCFILE` / `~/.redisclirc` at start-up.
 */
import { readFileSync } from 'node:fs';
import { cString, splitArgs } from './split-args.js';
import { equalsIgnoringAsciiCase } from './command-docs.js';
import { dotfilePath, fgetsChunks } from './history.js';

export interface Preferences {
  readonly hints: boolean;
}

export const DEFAULT_PREFERENCES: Preferences = { hints: true };

export const RC_FILE_ENV = 'REDISCLI_RCFILE';
export const RC_FILE_DEFAULT = '.redisclirc';
/** cliLoadPreferences() reads with fgets into char buf[1024]. */
const RC_LINE_BUFFER = 1024;

export interface PreferenceResult {
  readonly preferences: Preferences;
  /** A line for stdout (with its `\n`), or null when the preference applied silently. */
  readonly message: string | null;
}

/**
 * cliSetPreferences(): args is the whole split line, `:set` included. From
 * the rc file (interactive false) messages carry a `.redisclirc: ` prefix.
 */
export function applyPreference(preferences: Preferences, args: readonly Buffer[], interactive: boolean): PreferenceResult {
  const prefix = interactive ? '' : '.redisclirc: ';
  const [command, option] = args.map((arg) => cString(arg).toString('utf8'));
  if (command !== undefined && equalsIgnoringAsciiCase(command, ':set') && option !== undefined) {
    if (equalsIgnoringAsciiCase(option, 'hints')) return { preferences: { ...preferences, hints: true }, message: null };
    if (equalsIgnoringAsciiCase(option, 'nohints')) return { preferences: { ...preferences, hints: false }, message: null };
    return { preferences, message: `${prefix}unknown redis-cli preference '${option}'\n` };
  }
  return { preferences, message: `${prefix}unknown redis-cli internal command '${command ?? ''}'\n` };
}

export function rcFilePath(env: NodeJS.ProcessEnv = process.env): string | null {
  return dotfilePath(RC_FILE_ENV, RC_FILE_DEFAULT, env);
}

export interface LoadedPreferences {
  readonly preferences: Preferences;
  /** Complaints about bad lines, in file order, each ending in `\n`; redis-cli prints them to stdout. */
  readonly messages: readonly string[];
}

/** cliLoadPreferences(): every line that splits into arguments is applied; a missing file changes nothing. */
export function loadPreferences(file: string | null, preferences: Preferences = DEFAULT_PREFERENCES): LoadedPreferences {
  const messages: string[] = [];
  if (file === null) return { preferences, messages };
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return { preferences, messages };
  }
  let current = preferences;
  for (const line of fgetsChunks(content, RC_LINE_BUFFER)) {
    const args = splitArgs(line);
    if (args === null || args.length === 0) continue;
    const result = applyPreference(current, args, false);
    current = result.preferences;
    if (result.message !== null) messages.push(result.message);
  }
  return { preferences: current, messages };
}
