import type { ChalkInstance } from 'chalk';
import { localize } from '../course/localize.js';
import type { Language } from '../course/schema.js';
import { EXIT } from '../errors.js';
import { gradeTexts } from '../grade/grade-texts.js';
import { hiddenChecksText, studentView } from '../results/hidden-checks.js';
import type { ExerciseGrade } from '../results/report-model.js';
import type { PreparedRun, ProgramRunResult } from './run-exercise.js';
import { runTexts } from './run-texts.js';

/** 0 solved, 1 not yet (the program's fault: a failing check, a crash, a timeout), 2 when it could not be judged here. */
export function runExitCode(grade: Pick<ExerciseGrade, 'status' | 'problem'>): number {
  if (grade.status === 'passed') return EXIT.ok;
  if (grade.status === 'skipped' || grade.problem?.code === 'could-not-run' || grade.problem?.code === 'grader-error') return EXIT.usage;
  return EXIT.failed;
}

/** What `run` says before the server starts: which file, and whether it was just made. */
export function renderRunHeader(prepared: Pick<PreparedRun, 'file' | 'language' | 'created'>, language: Language, style: ChalkInstance): string {
  const t = runTexts(language);
  const lines = [style.bold(t.yourProgram(prepared.file, prepared.language))];
  if (prepared.created) lines.push(style.yellow(t.created));
  return `${lines.join('\n')}\n`;
}

/**
 * The run for people: the server, the program's output as it printed it,
 * why it stopped when that is the problem, the checklist (expected and found
 * under each failing check), and the verdict with the next step. The
 * program's output is the learner's own and shown as is.
 */
export function renderRunResult(result: ProgramRunResult, rerun: string, language: Language, style: ChalkInstance): string {
  const t = runTexts(language);
  const words = gradeTexts(language);
  const { grade } = result;
  const out: string[] = [style.dim(t.runningOn(result.server)), ''];

  if (grade.status === 'skipped') {
    out.push(style.yellow(t.skipped(grade.skipReason ?? '?')));
    return `${out.join('\n')}\n`;
  }

  out.push(style.bold.underline(t.output));
  const text = grade.output?.text ?? '';
  if (grade.output?.truncated === true) out.push(style.dim(t.outputCut(grade.output.bytes)));
  out.push(text.trim() === '' ? style.dim(t.noOutput) : text.replace(/\n$/, ''));
  const exit = grade.output;
  if (exit !== undefined && (exit.exitCode !== 0 || exit.signal !== null)) out.push(style.dim(`(${words.exitedWith(exit.exitCode, exit.signal)})`));
  out.push('');

  if (grade.problem?.code === 'could-not-run') {
    out.push(style.red(t.cannotRun(words.problem(grade.problem).replace(/^[^:]*: /, ''))));
    return `${out.join('\n')}\n`;
  }
  if (grade.problem !== undefined) out.push(style.red(words.problem(grade.problem)), '');

  if (grade.checks.length > 0) {
    out.push(style.bold.underline(t.checks));
    // A teacher's hidden checks: one line of totals, never their names or values.
    const { visible, hidden } = studentView(grade.checks);
    for (const check of visible) {
      const description = localize(check.description, language);
      out.push(check.passed ? `  ${style.green('✓')} ${description}` : `  ${style.red('✗')} ${description}`);
      if (check.passed) continue;
      if (check.error !== undefined) out.push(`      ${words.checkError}: ${localize(check.error, language)}`);
      else {
        const width = Math.max(words.expected.length, words.found.length) + 1;
        out.push(`      ${`${words.expected}:`.padEnd(width)} ${check.expected !== undefined ? localize(check.expected, language) : '?'}`);
        out.push(`      ${`${words.found}:`.padEnd(width)} ${check.found !== undefined ? localize(check.found, language) : '?'}`);
      }
    }
    if (hidden) {
      const text = hiddenChecksText(hidden.total, hidden.passed, language);
      out.push(hidden.passed === hidden.total ? `  ${style.green('✓')} ${text}` : `  ${style.red('✗')} ${text}`);
    }
    out.push('');
  }

  if (grade.status === 'passed') out.push(style.green.bold(t.solved));
  else {
    const passed = grade.checks.filter((check) => check.passed).length;
    out.push(style.red.bold(t.notYet(passed, grade.checks.length)), t.runAgain(rerun));
  }
  return `${out.join('\n')}\n`;
}
