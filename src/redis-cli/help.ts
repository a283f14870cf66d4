/**
 * redis-cli 7.0's local `help` / `?` command (cliOutputHelp). The output is
 * returned as text for the caller to write to stdout as UTF-8; the per-command
 * listings carry their own `\r\n` line ends, exactly like redis-cli's printf.
 */
import { cString } from './split-args.js';
import { commandEntries, equalsIgnoringAsciiCase, type CommandHelpEntry, type CommandTable } from './command-docs.js';

/** The redis-cli release the tutor's prompt imitates; `redis-cli --version` prints `redis-cli 7.0.15`. */
export const REDIS_CLI_VERSION = '7.0.15';

/** `help` and `?` in any case start the local help, whatever follows. */
export function isHelpCommand(name: Buffer | string): boolean {
  const word = typeof name === 'string' ? name : cString(name).toString('utf8');
  return equalsIgnoringAsciiCase(word, 'help') || word === '?';
}

/** What `help` with no arguments prints (cliOutputGenericHelp), plain `\n` line ends. */
export function genericHelpText(version: string = REDIS_CLI_VERSION): string {
  return (
    `redis-cli ${version}\n` +
    'To get help about Redis commands type:\n' +
    '      "help @<group>" to get a list of commands in <group>\n' +
    '      "help <command>" for help on <command>\n' +
    '      "help <tab>" to get a list of possible help topics\n' +
    '      "quit" to exit\n' +
    '\n' +
    'To set redis-cli preferences:\n' +
    '      ":set hints" enable online hints\n' +
    '      ":set nohints" disable online hints\n' +
    'Set your preferences in ~/.redisclirc\n'
  );
}

/**
 * The output of `help <args...>`, where args are the words after `help`.
 * `help @group` lists a group; otherwise every command whose first words are
 * the typed words (so `help client` lists CLIENT and all its subcommands).
 */
export function helpText(args: readonly (Buffer | string)[], table: CommandTable, version: string = REDIS_CLI_VERSION): string {
  const words = args.map((arg) => (typeof arg === 'string' ? arg : cString(arg).toString('utf8')));
  const [first] = words;
  if (first === undefined) return genericHelpText(version);
  let out = '';
  if (first.startsWith('@')) {
    const group = first.slice(1);
    for (const entry of commandEntries(table)) {
      if (entry.group !== null && equalsIgnoringAsciiCase(group, entry.group)) out += commandHelp(entry, false);
    }
  } else {
    for (const entry of commandEntries(table)) {
      if (startsWithWords(entry, words)) out += commandHelp(entry, true);
    }
  }
  return `${out}\r\n`;
}

function startsWithWords(entry: CommandHelpEntry, words: readonly string[]): boolean {
  if (words.length > entry.words.length) return false;
  return words.every((word, index) => equalsIgnoringAsciiCase(word, entry.words[index] as string));
}

/** cliOutputCommandHelp(): bold name, grey params, yellow field labels. */
function commandHelp(entry: CommandHelpEntry, withGroup: boolean): string {
  let out = `\r\n  \x1b[1m${entry.fullName}\x1b[0m \x1b[90m${entry.params}\x1b[0m\r\n`;
  out += `  \x1b[33msummary:\x1b[0m ${entry.summary ?? ''}\r\n`;
  if (entry.since !== null) out += `  \x1b[33msince:\x1b[0m ${entry.since}\r\n`;
  if (withGroup) out += `  \x1b[33mgroup:\x1b[0m ${entry.group ?? ''}\r\n`;
  return out;
}
