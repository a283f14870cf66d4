import { localize } from '../course/localize.js';
import type { Language } from '../course/schema.js';
import type { ExerciseGrade, ExerciseStatus, GradeReport } from '../results/report-model.js';
import { formatPoints } from './assignment-points.js';
import { gradeTexts } from './grade-texts.js';
import { printable } from './printable.js';

interface SummaryTexts {
  columns: readonly [string, string, string, string];
  pointsColumn: string;
  status: Record<ExerciseStatus, string>;
  notGraded(count: number): string;
}

const en: SummaryTexts = {
  columns: ['Module', 'Exercise', 'Status', 'Checks passed'],
  pointsColumn: 'Points',
  status: { passed: '✅ passed', failed: '❌ failed', 'not-submitted': '➖ not submitted', skipped: '⏭️ skipped' },
  notGraded: (count) => `Not graded: ${count} ${count === 1 ? 'file matches' : 'files match'} no exercise`,
};

const ru: SummaryTexts = {
  columns: ['Модуль', 'Упражнение', 'Итог', 'Проверок пройдено'],
  pointsColumn: 'Баллы',
  status: { passed: '✅ пройдено', failed: '❌ не пройдено', 'not-submitted': '➖ не сдано', skipped: '⏭️ пропущено' },
  notGraded: (count) => `Не проверены (не подходят ни к одному упражнению), файлов: ${count}`,
};

/** How many stray files are named in the summary; the log has them all. */
const MAX_UNMATCHED = 10;

/**
 * The report as Markdown for a GitHub Actions job summary (the page of the
 * run): the score, then one table row per exercise with its status and how
 * many checks passed. With an assignment, the points too: the total (after
 * any late penalty) beside the score and each exercise's in a last column,
 * as the gradebook counts them. Pure; src/commands/grade.ts appends it to
 * the file GITHUB_STEP_SUMMARY names.
 */
export function renderGithubSummary(report: GradeReport, options: { language: Language }): string {
  const texts = gradeTexts(options.language);
  const words = options.language === 'ru' ? ru : en;
  const { score } = report;
  const points = report.assignment?.points;
  const heading = points
    ? `${texts.points(formatPoints(points.total), formatPoints(points.possible))} · ${texts.score(score.passed, score.total)}`
    : texts.score(score.passed, score.total);
  const columns = points ? [...words.columns, words.pointsColumn] : words.columns;
  const lines = [
    `### ${markdownText(heading)} — ${markdownText(report.submission)}`,
    '',
    markdownText(`${texts.scoreDetails(score.failed, score.notSubmitted, score.skipped)} (${texts.seconds(report.durationMs)}); ${report.server}`),
    '',
    row(columns),
    row(columns.map(() => '---')),
  ];
  for (const module of report.modules) {
    for (const grade of module.exercises) {
      const exercise = `${grade.exercise} — ${localize(grade.title, options.language)}`;
      const cells = [module.id, exercise, words.status[grade.status], checksPassed(grade)];
      if (points) cells.push(grade.points && grade.status !== 'skipped' ? `${formatPoints(grade.points.earned)}/${formatPoints(grade.points.possible)}` : '—');
      lines.push(row(cells.map(markdownCell)));
    }
  }
  if (report.unmatched.length > 0) {
    const named = report.unmatched.slice(0, MAX_UNMATCHED).map((file) => `\`${printable(file.path).replace(/`/g, "'")}\``);
    const more = report.unmatched.length > MAX_UNMATCHED ? ` (+${report.unmatched.length - MAX_UNMATCHED})` : '';
    lines.push('', `${markdownText(words.notGraded(report.unmatched.length))}: ${named.join(', ')}${more}`);
  }
  return `${lines.join('\n')}\n\n`;
}

/** `2/3`; a dash when no check ran (not submitted, skipped, or a problem stopped the answer). */
function checksPassed(grade: ExerciseGrade): string {
  if (grade.checks.length === 0) return '—';
  return `${grade.checks.filter((check) => check.passed).length}/${grade.checks.length}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * Text from the course, a student's file names or a server message, shown
 * as itself: Markdown and HTML characters are escaped, so a title with `|`
 * or `<b>` cannot break the table or the page.
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/[\\`*_[\]|~]/g, (character) => `\\${character}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A table cell is one line. */
function markdownCell(text: string): string {
  return markdownText(text).replace(/\r?\n/g, ' ');
}
