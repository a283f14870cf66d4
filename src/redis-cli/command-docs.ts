/**
 * redis-cli 7.0's help table, built from the server's `COMMAND DOCS` reply
 * (cliInitHelp). One table feeds `help`, the hints and TAB completion.
 *
 * The reply may be RESP2 (flat key/value arrays) or RESP3 (maps and sets);
 * both are read the same way, as redis-cli does with its `elements` walk.
 */
import type { Reply } from '../resp/types.js';

export interface CommandHelpEntry {
  readonly kind: 'command';
  /** Upper-case words: `['GET']` or `['CLIENT', 'KILL']`. */
  readonly words: readonly string[];
  /** The words joined by one space: `CLIENT KILL`. */
  readonly fullName: string;
  /** The argument synopsis shown by `help` and used for hints (spec 4.4). */
  readonly params: string;
  readonly summary: string | null;
  readonly since: string | null;
  readonly group: string | null;
}

export interface GroupHelpEntry {
  readonly kind: 'group';
  /** `@string`: the group name as the server spells it, after `@`. */
  readonly fullName: string;
}

export type HelpEntry = CommandHelpEntry | GroupHelpEntry;

export interface CommandTable {
  /** Commands and `@group` entries together, in strcmp order of fullName. */
  readonly entries: readonly HelpEntry[];
}

export const EMPTY_COMMAND_TABLE: CommandTable = { entries: [] };

/**
 * @returns null when the reply is an error or not a table at all: redis-cli
 * then falls back to its static help.h table.
 */
export function buildCommandTable(reply: Reply): CommandTable | null {
  const commands = keyValuePairs(reply);
  if (commands === null) return null;
  const entries: HelpEntry[] = [];
  const groups = new Set<string>();
  for (const [name, docs] of commands) {
    const commandName = text(name);
    if (commandName === null) continue;
    addCommandEntries(entries, groups, commandName, null, docs);
  }
  for (const group of groups) entries.push({ kind: 'group', fullName: `@${group}` });
  entries.sort((a, b) => strcmp(a.fullName, b.fullName));
  return { entries };
}

export function commandEntries(table: CommandTable): CommandHelpEntry[] {
  return table.entries.filter((entry): entry is CommandHelpEntry => entry.kind === 'command');
}

function addCommandEntries(
  entries: HelpEntry[],
  groups: Set<string>,
  commandName: string,
  subcommandName: string | null,
  docs: Reply,
): void {
  const words = [asciiUpper(commandName)];
  // Subcommands are named `container|sub`; only the part after `|` is a word.
  if (subcommandName !== null) words.push(asciiUpper(subcommandName.slice(subcommandName.indexOf('|') + 1)));
  let params = '';
  let summary: string | null = null;
  let since: string | null = null;
  let group: string | null = null;
  const subcommands: Array<[Reply, Reply]> = [];
  for (const [key, value] of keyValuePairs(docs) ?? []) {
    switch (text(key)) {
      case 'summary':
        summary = text(value);
        break;
      case 'since':
        since = text(value);
        break;
      case 'group':
        group = text(value);
        if (group !== null) groups.add(group);
        break;
      case 'arguments':
        params = joinArguments(elements(value), ' ');
        break;
      case 'subcommands':
        subcommands.push(...(keyValuePairs(value) ?? []));
        break;
    }
  }
  entries.push({ kind: 'command', words, fullName: words.join(' '), params, summary, since, group });
  for (const [name, subDocs] of subcommands) {
    const sub = text(name);
    if (sub !== null) addCommandEntries(entries, groups, commandName, sub, subDocs);
  }
}

/** sdscat_orempty(): an empty name or token shows as `""` so it stays visible. */
function orEmpty(value: string): string {
  return value === '' ? '""' : value;
}

function joinArguments(args: readonly Reply[], separator: string): string {
  return args.map(argumentSynopsis).join(separator);
}

/** cliAddArgument(): one argument of the synopsis, e.g. `[EX seconds|PX milliseconds]`. */
function argumentSynopsis(argument: Reply): string {
  let name = '';
  let type = '';
  let tokenPart = '';
  let children: readonly Reply[] = [];
  let optional = false;
  let multiple = false;
  let multipleToken = false;
  for (const [key, value] of keyValuePairs(argument) ?? []) {
    switch (text(key)) {
      case 'name':
        name = text(value) ?? '';
        break;
      case 'token':
        tokenPart = orEmpty(text(value) ?? '');
        break;
      case 'type':
        type = text(value) ?? '';
        break;
      case 'arguments':
        children = elements(value);
        break;
      case 'flags':
        for (const flag of elements(value).map(text)) {
          if (flag === 'optional') optional = true;
          else if (flag === 'multiple') multiple = true;
          else if (flag === 'multiple_token') multipleToken = true;
        }
        break;
    }
  }
  let repeatPart = '';
  if (VALUE_TYPES.has(type)) repeatPart = orEmpty(name);
  else if (type === 'oneof') repeatPart = joinArguments(children, '|');
  else if (type === 'block') repeatPart = joinArguments(children, ' ');
  if (tokenPart !== '' && type !== 'pure-token') tokenPart += ' ';
  let synopsis = tokenPart + repeatPart;
  if (multiple) synopsis += ` [${multipleToken ? tokenPart : ''}${repeatPart} ...]`;
  return optional ? `[${synopsis}]` : synopsis;
}

const VALUE_TYPES: ReadonlySet<string> = new Set(['key', 'string', 'integer', 'double', 'pattern', 'unix-time', 'token']);

/** A RESP3 map, or a RESP2 array read two elements at a time. */
function keyValuePairs(reply: Reply): Array<[Reply, Reply]> | null {
  if (reply.type === 'map') return reply.entries;
  if (reply.type !== 'array') return null;
  const pairs: Array<[Reply, Reply]> = [];
  for (let i = 0; i + 1 < reply.items.length; i += 2) pairs.push([reply.items[i] as Reply, reply.items[i + 1] as Reply]);
  return pairs;
}

function elements(reply: Reply): readonly Reply[] {
  return reply.type === 'array' || reply.type === 'set' || reply.type === 'push' ? reply.items : [];
}

function text(reply: Reply): string | null {
  if (reply.type === 'bulk' || reply.type === 'status' || reply.type === 'verbatim') return reply.value.toString('utf8');
  return null;
}

/** C toupper() in the C locale: ASCII letters only. */
export function asciiUpper(value: string): string {
  return value.replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}

export function asciiLower(value: string): string {
  return value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** strcasecmp(a, b) == 0 in the C locale. */
export function equalsIgnoringAsciiCase(a: string, b: string): boolean {
  return a.length === b.length && asciiLower(a) === asciiLower(b);
}

/** strcmp(): unsigned byte order of the UTF-8 encodings. */
export function strcmp(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
