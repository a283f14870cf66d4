import type { ChalkInstance } from 'chalk';
import type { Language } from '../../course/schema.js';
import type { ExerciseResult } from '../../engine/result.js';
import type { Texts } from '../texts.js';

/**
 * The live checklist as lines: ✓/✗ per check, and for the first failing
 * check what was expected and what was found. The title line carries the
 * success state.
 */
export function checklistLines(input: {
  result: ExerciseResult | undefined;
  solvedNow: boolean;
  isLast: boolean;
  language: Language;
  lastCheckMs: number | undefined;
  chalk: ChalkInstance;
  t: Texts;
}): string[] {
  const { result, chalk, t } = input;
  if (!result) return [chalk.bold(t.checks) + chalk.dim(`  ${t.checking}`)];
  const passed = result.checks.filter((check) => check.passed).length;
  const timing = input.lastCheckMs !== undefined ? chalk.dim(`  ${t.checkedIn(Math.round(input.lastCheckMs))}`) : '';
  const title = input.solvedNow
    ? chalk.bold.green(input.isLast ? t.solvedLast : t.solved) + timing
    : `${chalk.bold(t.checks)} ${chalk.dim(`${passed}/${result.checks.length}`)}${timing}`;
  const lines = [title];
  let explained = false;
  for (const check of result.checks) {
    const description = input.language === 'ru' ? check.description.ru : check.description.en;
    lines.push(check.passed ? `${chalk.green('✓')} ${description}` : `${chalk.red('✗')} ${description}`);
    if (!check.passed && !explained) {
      explained = true;
      if (check.error !== undefined) lines.push(chalk.dim(`    ${t.checkError}: `) + check.error);
      else {
        if (check.expected !== undefined) lines.push(chalk.dim(`    ${t.expected}: `) + check.expected);
        if (check.found !== undefined) lines.push(chalk.dim(`    ${t.found}: `) + check.found);
      }
    }
  }
  return lines;
}
