/**
 * redis-cli 7.0's completionCallback(): the TAB candidates for a typed line,
 * in table order. The line editor cycles through them.
 */
import { isCSpace } from './split-args.js';
import { asciiLower, type CommandTable } from './command-docs.js';

const HELP_PREFIX = Buffer.from('help ', 'latin1');

/** Each candidate is the whole line to show: the typed text up to the completed word, then the entry's full name. */
export function completionsFor(line: Buffer | string, table: CommandTable): Buffer[] {
  const bytes = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  let start = 0;
  let includeGroups = false;
  // After `help ` the topics include `@group` entries too.
  if (bytes.length >= HELP_PREFIX.length && asciiLowerBytes(bytes.subarray(0, HELP_PREFIX.length)).equals(HELP_PREFIX)) {
    start = HELP_PREFIX.length;
    while (start < bytes.length && isCSpace(bytes[start] as number)) start++;
    includeGroups = true;
  }
  const typed = asciiLowerBytes(bytes.subarray(start));
  const kept = bytes.subarray(0, start);
  const candidates: Buffer[] = [];
  for (const entry of table.entries) {
    if (entry.kind === 'group' && !includeGroups) continue;
    const name = Buffer.from(entry.fullName, 'utf8');
    if (typed.length <= name.length && Buffer.from(asciiLower(entry.fullName), 'utf8').subarray(0, typed.length).equals(typed)) {
      candidates.push(Buffer.concat([kept, name]));
    }
  }
  return candidates;
}

function asciiLowerBytes(bytes: Buffer): Buffer {
  return Buffer.from(bytes.map((byte) => (byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte)));
}

/** The editor's TAB callback for redis-cli, reading the current table each time. */
export function redisCliCompletions(table: () => CommandTable): (line: Buffer) => Buffer[] {
  return (line) => completionsFor(line, table());
}
