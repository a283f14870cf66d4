import type { Language, Text } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { gradeTexts } from './grade-texts.js';
import { printable } from './printable.js';
import type { ExerciseGrade } from '../results/report-model.js';

/** At most this many lines of a program's output are shown with a failure. */
const OUTPUT_LINES = 15;

/** One line of a failure's explanation; `depth` is its indentation level. */
export interface DetailLine {
  depth: number;
  text: string;
  /** A failing check's line, which the pretty reporter marks. */
  failedCheck?: boolean;
}

/**
 * Why an exercise failed, in the order a student fixes things: the problem
 * that stopped the answer, each failing check with expected and found, the
 * .redis lines that got errors, and the end of a program's output. Every
 * reporter shows these same lines, so the formats never disagree.
 */
export function failureDetails(grade: ExerciseGrade, language: Language): DetailLine[] {
  const texts = gradeTexts(language);
  const lines: DetailLine[] = [];
  if (grade.problem) lines.push({ depth: 0, text: texts.problem(grade.problem) });
  for (const check of grade.checks.filter((candidate) => !candidate.passed)) {
    lines.push({ depth: 0, text: localize(check.description, language), failedCheck: true });
    if (check.error !== undefined) lines.push({ depth: 1, text: `${texts.checkError}: ${localize(check.error, language)}` });
    else {
      const width = Math.max(texts.expected.length, texts.found.length) + 1;
      lines.push({ depth: 1, text: `${`${texts.expected}:`.padEnd(width)} ${localizedOr(check.expected, language)}` });
      lines.push({ depth: 1, text: `${`${texts.found}:`.padEnd(width)} ${localizedOr(check.found, language)}` });
    }
  }
  if (grade.lineErrors && grade.lineErrors.length > 0) {
    lines.push({ depth: 0, text: `${texts.lineErrors}:` });
    for (const error of grade.lineErrors) lines.push({ depth: 1, text: `${error.line}: ${error.text} → ${error.error}` });
  }
  if (grade.output && grade.output.text.trim() !== '') {
    lines.push({ depth: 0, text: `${texts.programOutput(grade.output.bytes, grade.output.truncated)}:` });
    for (const line of grade.output.text.trimEnd().split(/\r?\n/).slice(-OUTPUT_LINES)) lines.push({ depth: 1, text: line });
  }
  // Replies and output may hold escape sequences; every format shows them as text.
  return lines.map((line) => ({ ...line, text: printable(line.text) }));
}

/** The first thing to say about a failure, for one-line formats (JUnit message, annotation title). */
export function failureSummary(grade: ExerciseGrade, language: Language): string {
  const texts = gradeTexts(language);
  if (grade.problem) return texts.problem(grade.problem);
  const check = grade.checks.find((candidate) => !candidate.passed);
  if (!check) return '';
  const description = localize(check.description, language);
  if (check.error !== undefined) return `${description}: ${texts.checkError}: ${localize(check.error, language)}`;
  return `${description}: ${texts.expected} ${localizedOr(check.expected, language)}, ${texts.found} ${localizedOr(check.found, language)}`;
}

/** An engine phrase in the report's language; `?` when a failing check left it out. */
function localizedOr(text: Text | undefined, language: Language): string {
  return text !== undefined ? localize(text, language) : '?';
}
