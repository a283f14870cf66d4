import type { NotUsedCheck, UsedCheck } from '../../course/schema.js';
import { USED } from '../texts.js';
import type { BilingualText } from '../../results/check-result.js';
import { compileCommandPattern, formatRecordedCommand, type CommandMatcher, type MissingPart } from './command-pattern.js';
import type { CompiledCheck } from './compiled-check.js';

/**
 * `used`: the learner ran a command matching at least one of the items
 * (with `before` / `after`: in that stretch of the session). Pure: reads the
 * recorded commands only. On failure, the learner's latest command of the
 * right name is shown with what it lacks — "SET lock:report w EX 30 (no NX)"
 * says more than "SET … NX not used" — or with where it was run: "GET
 * shop:name only after SET shop:name "Redis Shop"".
 */
export function compileUsedCheck(check: UsedCheck): CompiledCheck {
  const matchers = check.commands.map(compileCommandPattern);
  const bounds = { before: (check.before ?? []).map(compileCommandPattern), after: (check.after ?? []).map(compileCommandPattern) };
  const expected = withBounds(USED.youUse(matchers.map((matcher) => matcher.label)), bounds);
  const matches = (args: readonly string[]): boolean => matchers.some((matcher) => matcher.matches(args));
  return {
    check,
    commands: () => [],
    judge(_replies, { commands }) {
      const window = orderWindow(commands, bounds);
      if (commands.slice(window.start, window.end).some(matches)) return { passed: true };
      if (commands.length === 0) return { passed: false, expected, found: USED.noCommandsYet };
      const outside = commands.findLastIndex(matches);
      if (outside >= 0) return { passed: false, expected, found: outOfOrder(commands, outside, window) };
      const near = nearestAttempt(commands, matchers);
      if (!near) return { passed: false, expected, found: USED.notUsed(uniqueNames(matchers)) };
      const lacking = near.matcher.missing(near.args).map(lackPhrase);
      return { passed: false, expected, found: USED.youRanLacking(formatRecordedCommand(near.args), lacking) };
    },
  };
}

interface OrderBounds {
  before: readonly CommandMatcher[];
  after: readonly CommandMatcher[];
}

/** The stretch of the session a used check looks at: after the last `after` command, before the first `before` command. */
interface OrderWindow {
  start: number;
  end: number;
}

function orderWindow(commands: readonly (readonly string[])[], bounds: OrderBounds): OrderWindow {
  const isAny = (matchers: readonly CommandMatcher[]) => (args: readonly string[]) => matchers.some((matcher) => matcher.matches(args));
  const lastAfter = bounds.after.length > 0 ? commands.findLastIndex(isAny(bounds.after)) : -1;
  const firstBefore = bounds.before.length > 0 ? commands.findIndex(isAny(bounds.before)) : -1;
  return { start: lastAfter + 1, end: firstBefore >= 0 ? firstBefore : commands.length };
}

/** A matching command run outside the window, and the command it should have come before or after. */
function outOfOrder(commands: readonly (readonly string[])[], index: number, window: OrderWindow): BilingualText {
  const ran = formatRecordedCommand(commands[index] ?? []);
  if (index < window.start) return USED.ranOnlyBefore(ran, formatRecordedCommand(commands[window.start - 1] ?? []));
  return USED.ranOnlyAfter(ran, formatRecordedCommand(commands[window.end] ?? []));
}

function withBounds(expected: BilingualText, bounds: OrderBounds): BilingualText {
  const parts = [
    expected,
    ...(bounds.before.length > 0 ? [USED.beforeBound(bounds.before.map((matcher) => matcher.label))] : []),
    ...(bounds.after.length > 0 ? [USED.afterBound(bounds.after.map((matcher) => matcher.label))] : []),
  ];
  return { en: parts.map((part) => part.en).join(''), ru: parts.map((part) => part.ru).join('') };
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
