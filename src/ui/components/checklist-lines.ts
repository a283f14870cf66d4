import type { ChalkInstance } from 'chalk';
import { localize } from '../../course/localize.js';
import type { Language } from '../../course/schema.js';
import type { ExerciseResult } from '../../results/check-result.js';
import { hiddenChecksText, studentView } from '../../results/hidden-checks.js';
import { wordWrap } from '../layout.js';
import { solvedState } from '../../tutor/state/solved-state.js';
import type { Texts } from '../../tutor/texts.js';

/**
 * The live checklist as lines: ✓/✗ per check, and for the first failing
 * check what was expected and what was found, in the learner's language,
 * once the learner has tried (before that the expected value would be the
 * answer, given away).
 * The title line carries the success state: ✓ Solved only while every
 * check passes (../../tutor/state/solved-state.ts). Check lines wrap at words to
 * `width` (Russian phrases run longer, and a cut "found" hides the answer).
 */
export function checklistLines(input: {
  result: ExerciseResult | undefined;
  solvedNow: boolean;
  /** The learner has entered a line in this exercise (AppState.tried); callers outside the screen (tests, tools) see everything. */
  tried?: boolean;
  isLast: boolean;
  language: Language;
  lastCheckMs: number | undefined;
  width: number;
  chalk: ChalkInstance;
  t: Texts;
}): string[] {
  const { result, chalk, t } = input;
  if (!result) return [chalk.bold(t.checks) + chalk.dim(`  ${t.checking}`)];
  const passed = result.checks.filter((check) => check.passed).length;
  const timing = input.lastCheckMs !== undefined ? chalk.dim(`  ${t.checkedIn(Math.round(input.lastCheckMs))}`) : '';
  const solved = solvedState({ solvedNow: input.solvedNow, result });
  const earlier = solved === 'solved-earlier' ? chalk.green(`  ${input.isLast ? t.solvedEarlierLast : t.solvedEarlier}`) : '';
  const title =
    solved === 'solved'
      ? chalk.bold.green(input.isLast ? t.solvedLast : t.solved) + timing
      : `${chalk.bold(t.checks)} ${chalk.dim(`${passed}/${result.checks.length}`)}${earlier}${timing}`;
  const lines = [title];
  const wrap = (mark: string, text: string) => {
    const [first = '', ...rest] = wordWrap(`${mark} ${text}`, input.width, '  ');
    lines.push(mark === '✓' ? chalk.green(mark) + first.slice(mark.length) : chalk.red(mark) + first.slice(mark.length), ...rest);
  };
  /** `    expected: …`, the label dim, the rest hanging under the value. */
  const detail = (label: string, text: string) => {
    const [first = '', ...rest] = wordWrap(`    ${label}: ${text}`, input.width, '      ');
    const head = `    ${label}:`;
    lines.push(chalk.dim(head) + first.slice(head.length), ...rest);
  };
  let explained = false;
  // A teacher's hidden checks count in the title and in one line of totals, never by name or value.
  const { visible, hidden } = studentView(result.checks);
  for (const check of visible) {
    wrap(check.passed ? '✓' : '✗', localize(check.description, input.language));
    if (!check.passed && !explained) {
      explained = true;
      // The engine wrote these in both languages; the learner reads theirs.
      // A check that could not run says so at once: that is no answer.
      if (check.error !== undefined) detail(t.checkError, localize(check.error, input.language));
      else if (input.tried ?? true) {
        if (check.expected !== undefined) detail(t.expected, localize(check.expected, input.language));
        if (check.found !== undefined) detail(t.found, localize(check.found, input.language));
      }
    }
  }
  if (hidden) wrap(hidden.passed === hidden.total ? '✓' : '✗', hiddenChecksText(hidden.total, hidden.passed, input.language));
  return lines;
}
