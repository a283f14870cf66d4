/**
 * The tutor's short notes in the TUI: one dim line under what Redis (or
 * redis-cli) printed, never instead of it, saying what the raw error means
 * for a learner. Pure: the caller prints the reply first, then these.
 * `redis-tutor cli` has none: it stays byte for byte redis-cli.
 */
import { commandEntries, equalsIgnoringAsciiCase, type CommandTable } from '../redis-cli/command-docs.js';
import { commandWord } from '../redis-cli/command-word.js';
import { splitArgsOrWhy } from '../redis-cli/split-args.js';
import type { Reply } from '../resp/types.js';
import type { Texts } from './texts.js';
import { TUTOR_COMMAND_NAMES } from './tutor-commands.js';

/** Redis 7 quotes with '…', Redis 6 with `…`. */
const UNKNOWN_COMMAND = /^ERR unknown command [`']/;
const WRONG_ARITY = /^ERR wrong number of arguments for '([^']*)' command/;
const STREAM_READERS = new Set(['xread', 'xreadgroup']);
/** Tutor commands typed without their colon; `help` and `quit` mean something without one, and RESET is Redis's. */
const COLONLESS_TUTOR_WORDS: ReadonlySet<string> = new Set(TUTOR_COMMAND_NAMES.filter((name) => name !== 'help' && name !== 'quit' && name !== 'reset'));
const MAX_SUGGESTIONS = 3;

/** The notes after a reply to the learner's command (none for a reply that is not an error). */
export function notesAfterReply(args: readonly Buffer[], reply: Reply, table: CommandTable, t: Texts): string[] {
  if (reply.type !== 'error') return [];
  const message = reply.value.toString('utf8');
  const name = commandWord(args);
  if (UNKNOWN_COMMAND.test(message)) {
    if (COLONLESS_TUTOR_WORDS.has(name)) return [t.noteTutorColon(name)];
    // `2 :hint` reached Redis because of its repeat count: a Redis command is no better guess for it.
    if (name.startsWith(':')) return [];
    const meant = didYouMean(args[0]?.toString('utf8') ?? '', table);
    return meant.length > 0 ? [t.noteDidYouMean(meant.join(', '))] : [];
  }
  // XREAD's own arity error and its syntax error both come from a missing STREAMS: say that, not the whole synopsis.
  if (STREAM_READERS.has(name) && !args.some((arg) => equalsIgnoringAsciiCase(arg.toString('latin1'), 'streams'))) {
    return [t.noteStreamsRequired(syntaxOf([name], table) ?? `${name.toUpperCase()} … STREAMS key [key …] id [id …]`)];
  }
  const arity = WRONG_ARITY.exec(message);
  if (arity) {
    const syntax = syntaxOf((arity[1] ?? '').split('|'), table);
    return syntax !== null ? [t.noteSyntax(syntax)] : [];
  }
  return [];
}

/** The note under `Invalid argument(s)`: which quote to fix. */
export function notesForInvalidLine(line: string, t: Texts): string[] {
  const split = splitArgsOrWhy(line);
  if (split === 'unclosed-quote') return [t.noteUnclosedQuote];
  if (split === 'text-after-quote') return [t.noteTextAfterQuote];
  return [];
}

/**
 * After the learner's connection moved to another db (SELECT): a note when
 * that is not the db the exercise's checks read. Said once per move, not
 * under every command after it.
 */
export function notesAfterSelect(dbNow: number, checksDb: number, t: Texts): string[] {
  return dbNow !== checksDb ? [t.noteChecksDb(checksDb)] : [];
}

/** `GET key`, `CLIENT KILL [ip:port] …`: a command's words and arguments as COMMAND DOCS gives them. */
function syntaxOf(words: readonly string[], table: CommandTable): string | null {
  const entry = commandEntries(table).find(
    (candidate) => candidate.words.length === words.length && candidate.words.every((word, i) => equalsIgnoringAsciiCase(word, words[i] ?? '')),
  );
  if (!entry) return null;
  return entry.params === '' ? entry.fullName : `${entry.fullName} ${entry.params}`;
}

/**
 * The server's commands nearest to a mistyped name, by edits with swapped
 * neighbours counting as one (PNIG → PING): one edit for short names, more
 * for long ones, so a short typo is not matched to half the command list.
 */
export function didYouMean(typed: string, table: CommandTable): string[] {
  const word = typed.toUpperCase();
  if (word === '') return [];
  const budget = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  let best = budget + 1;
  let found: string[] = [];
  for (const entry of commandEntries(table)) {
    if (entry.words.length !== 1) continue;
    const name = entry.fullName;
    const distance = editDistanceWithSwaps(word, name);
    // The name itself (renamed away, or not allowed here) is no suggestion.
    if (distance === 0 || distance > best) continue;
    if (distance < best) {
      best = distance;
      found = [];
    }
    found.push(name);
  }
  return best <= budget ? found.slice(0, MAX_SUGGESTIONS) : [];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistanceWithSwaps(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      row[j] = value;
    }
  }
  return at(a.length, b.length);
}
