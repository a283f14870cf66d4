import type { CommandPattern } from '../../course/schema.js';
import type { BilingualText } from '../../results/check-result.js';
import { USED } from '../texts.js';

/**
 * A `used` / `notUsed` item ready to test recorded commands: the regular
 * expressions are compiled once per attempt, not after every learner command.
 */
export interface CommandMatcher {
  pattern: CommandPattern;
  /** The command with its required arguments, as a learner would read it: `SET … NX EX`. */
  label: BilingualText;
  /** True when the recorded arguments are this command (name and subcommand), whatever the arguments. */
  isCommand(args: readonly string[]): boolean;
  /** What this command lacks: a required argument (`NX`) or a pattern no argument matched; [] when it matches. */
  missing(args: readonly string[]): MissingPart[];
  matches(args: readonly string[]): boolean;
}

/** One thing a recorded command lacks; used-check.ts words it ("no NX" / "нет NX"). */
export type MissingPart = { kind: 'argument'; argument: string } | { kind: 'matching'; source: string };

/** True when the recorded arguments are this command: `INCR`, or `CONFIG SET` (name and subcommand). */
export function isCommand(args: readonly string[], name: string): boolean {
  const words = name.split(' ');
  return words.every((word, i) => (args[i] ?? '').toUpperCase() === word);
}

export function compileCommandPattern(pattern: CommandPattern): CommandMatcher {
  const nameWords = pattern.command.split(' ').length;
  const required = pattern.with.map((arg) => ({ arg, upper: arg.toUpperCase() }));
  // Case-insensitive like `with`: Redis reads options in any case (nx, Nx, NX).
  const regexes = pattern.withMatching.map((source) => ({ source, regex: new RegExp(source, 'i') }));

  const missing = (args: readonly string[]): MissingPart[] => {
    // Only the arguments after the name: `{ command: CONFIG SET, with: [SET] }` must not match the subcommand itself.
    const rest = args.slice(nameWords);
    const upper = rest.map((arg) => arg.toUpperCase());
    return [
      ...required.filter(({ upper: wanted }) => !upper.includes(wanted)).map(({ arg }): MissingPart => ({ kind: 'argument', argument: arg })),
      ...regexes.filter(({ regex }) => !rest.some((arg) => regex.test(arg))).map(({ source }): MissingPart => ({ kind: 'matching', source })),
    ];
  };

  return {
    pattern,
    label: patternLabel(pattern),
    isCommand: (args) => isCommand(args, pattern.command),
    missing,
    matches: (args) => isCommand(args, pattern.command) && missing(args).length === 0,
  };
}

/** `INCR`; `SET … NX EX`; `LRANGE with an argument matching ^-\d+$` / `LRANGE с аргументом, подходящим под ^-\d+$`. */
export function patternLabel(pattern: CommandPattern): BilingualText {
  const command = `${pattern.command}${pattern.with.length > 0 ? ` … ${pattern.with.join(' ')}` : ''}`;
  if (pattern.withMatching.length === 0) return { en: command, ru: command };
  const matching = USED.withMatching(pattern.withMatching);
  return { en: command + matching.en, ru: command + matching.ru };
}

const MAX_SHOWN = 120;

/** A recorded command as the learner would have typed it: quoted where an argument needs it, long ones cut. */
export function formatRecordedCommand(args: readonly string[]): string {
  const line = args.map((arg) => (arg === '' || /[\s"'\\]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ');
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}
