import type { NotUsedCheck, UsedCheck } from '../../course/schema.js';
import { USED } from '../texts.js';
import type { BilingualText } from '../../results/check-result.js';
import { compileCommandPattern, formatRecordedCommand, type CommandMatcher, type MissingPart } from './command-pattern.js';
import type { CompiledCheck } from './compiled-check.js';

/**
 * `used`: the learner ran a command matching at least one of the items. Pure:
 * reads the recorded commands only. On failure, the learner's latest command
 * of the right name is shown with what it lacks — "SET lock:report w EX 30
 * (no NX)" says more than "SET … NX not used".
 */
export function compileUsedCheck(check: UsedCheck): CompiledCheck {
  const matchers = check.commands.map(compileCommandPattern);
  const expected = USED.youUse(matchers.map((matcher) => matcher.label));
  return {
    check,
    commands: () => [],
    judge(_replies, { commands }) {
      if (commands.some((args) => matchers.some((matcher) => matcher.matches(args)))) return { passed: true };
      if (commands.length === 0) return { passed: false, expected, found: USED.noCommandsYet };
      const near = nearestAttempt(commands, matchers);
      if (!near) return { passed: false, expected, found: USED.notUsed(uniqueNames(matchers)) };
      const lacking = near.matcher.missing(near.args).map(lackPhrase);
      return { passed: false, expected, found: USED.youRanLacking(formatRecordedCommand(near.args), lacking) };
    },
  };
}

/** `notUsed`: no command matched any of the items; the first offending command is shown. */
export function compileNotUsedCheck(check: NotUsedCheck): CompiledCheck {
  const matchers = check.commands.map(compileCommandPattern);
  const expected = USED.noneOf(matchers.map((matcher) => matcher.label));
  return {
    check,
    commands: () => [],
    judge(_replies, { commands }) {
      const offending = commands.find((args) => matchers.some((matcher) => matcher.matches(args)));
      if (!offending) return { passed: true };
      return { passed: false, expected, found: USED.youRan(formatRecordedCommand(offending)) };
    },
  };
}

/** The latest command with a wanted name (it only lacked arguments), and the item it was meant for. */
function nearestAttempt(
  commands: readonly (readonly string[])[],
  matchers: readonly CommandMatcher[],
): { args: readonly string[]; matcher: CommandMatcher } | undefined {
  for (let i = commands.length - 1; i >= 0; i--) {
    const args = commands[i] as readonly string[];
    // Of the items with this name, the one the command came closest to.
    const candidates = matchers.filter((matcher) => matcher.isCommand(args));
    const matcher = candidates.sort((a, b) => a.missing(args).length - b.missing(args).length)[0];
    if (matcher) return { args, matcher };
  }
  return undefined;
}

function lackPhrase(part: MissingPart): BilingualText {
  return part.kind === 'argument' ? USED.lacksArgument(part.argument) : USED.lacksMatching(part.source);
}

function uniqueNames(matchers: readonly CommandMatcher[]): string[] {
  return [...new Set(matchers.map((matcher) => matcher.pattern.command))];
}
