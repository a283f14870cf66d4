/**
 * redis-cli 7.0's hintsCallback(): the grey argument synopsis shown after
 * the typed text. Only the text is decided here; the line editor adds the
 * colour and cuts it to the terminal width.
 */
import { cString, isCSpace, splitArgs } from './split-args.js';
import { commandEntries, equalsIgnoringAsciiCase, type CommandHelpEntry, type CommandTable } from './command-docs.js';
import type { Hint } from './line-editor/render-line.js';

/** redis-cli asks linenoise for colour 90 (dark grey), not bold. */
export const HINT_COLOR = 90;

/** @returns the hint text, or null when redis-cli shows none. */
export function hintFor(line: Buffer | string, table: CommandTable): string | null {
  // linenoise hands over a C string, so anything after a NUL byte is invisible.
  const bytes = cString(typeof line === 'string' ? Buffer.from(line, 'utf8') : line);
  const args = splitArgs(bytes);
  if (args === null || args.length === 0) return null;
  const words = args.map((arg) => arg.toString('utf8'));
  const entry = longestMatchingEntry(words, table);
  if (entry === undefined) return null;

  let hint = entry.params;
  // Drop the synopsis of arguments already typed, one space per argument,
  // but never past an optional part: that may or may not have been typed.
  let toRemove = words.length - entry.words.length;
  while (toRemove > 0 && hint.length > 0) {
    if (hint[0] === '[') break;
    if (hint[0] === ' ') toRemove--;
    hint = hint.slice(1);
  }
  const last = bytes[bytes.length - 1];
  const endsInSpace = last !== undefined && isCSpace(last);
  return endsInSpace ? hint : ` ${hint}`;
}

/** The entry whose words are the longest prefix of the typed words; the first such in table order wins ties. */
function longestMatchingEntry(words: readonly string[], table: CommandTable): CommandHelpEntry | undefined {
  let best: CommandHelpEntry | undefined;
  for (const entry of commandEntries(table)) {
    if (entry.words.length > words.length || entry.words.length <= (best?.words.length ?? 0)) continue;
    if (entry.words.every((word, index) => equalsIgnoringAsciiCase(word, words[index] as string))) best = entry;
  }
  return best;
}

/**
 * The editor's hint callback for redis-cli: grey, not bold. `enabled` is
 * read on every redraw so `:set nohints` takes effect at once.
 */
export function redisCliHints(table: () => CommandTable, enabled: () => boolean = () => true): (line: Buffer) => Hint | null {
  return (line) => {
    if (!enabled()) return null;
    const text = hintFor(line, table());
    return text === null ? null : { text: Buffer.from(text, 'utf8'), color: HINT_COLOR, bold: false };
  };
}
