import type { Language } from '../course/schema.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';
import { formatPoints, readableTime } from './assignment-points.js';

/** A student graded, or why they could not be: what the gradebook is made of (see ./class-grading.ts). */
export type GradebookEntry = { name: string; report: GradeReport } | { name: string; error: { message: string; nextStep?: string } };

/**
 * A student's line in the gradebook: passed (every exercise), incomplete
 * (nothing failed, something not submitted), failed (an exercise failed),
 * not-submitted (no answer at all), late-refused (after the deadline of an
 * assignment that takes no late work), error (the folder could not be graded).
 */
export const STUDENT_STATUSES = ['passed', 'incomplete', 'failed', 'not-submitted', 'late-refused', 'error'] as const;
export type StudentStatus = (typeof STUDENT_STATUSES)[number];

export function studentStatus(entry: GradebookEntry): StudentStatus {
  if ('error' in entry) return 'error';
  const { score, assignment } = entry.report;
  if (score.passed + score.failed === 0) return 'not-submitted';
  if (assignment?.late?.accepted === false) return 'late-refused';
  if (score.failed > 0) return 'failed';
  if (score.notSubmitted > 0) return 'incomplete';
  return 'passed';
}

/** The exercises of the gradebook's columns: those of the reports, in their (course) order. */
export function gradebookExercises(entries: readonly GradebookEntry[]): string[] {
  const ids = new Set<string>();
  for (const entry of entries) {
    if ('report' in entry) for (const grade of exercisesOf(entry.report)) ids.add(grade.id);
  }
  return [...ids];
}

/**
 * The gradebook as CSV (RFC 4180, a header line, one line per student):
 * `student`, the points of each exercise (with no assignment: 1 passed, 0
 * not), `total` (after any late penalty; with no assignment the number
 * passed), `late` (started days after the deadline, 0 on time; empty
 * without a deadline or a submission), `status` (STUDENT_STATUSES), then
 * how many exercises `passed`, `failed` and were `missing` (not submitted);
 * the counts come last so spreadsheets built on the older columns still
 * read. A student who could not be graded has only a name and `error`. Pure.
 */
export function renderGradebookCsv(entries: readonly GradebookEntry[]): string {
  const ids = gradebookExercises(entries);
  const rows = [['student', ...ids, 'total', 'late', 'status', 'passed', 'failed', 'missing']];
  for (const entry of entries) {
    if ('error' in entry) {
      rows.push([entry.name, ...ids.map(() => ''), '', '', 'error', '', '', '']);
      continue;
    }
    const grades = new Map(exercisesOf(entry.report).map((grade) => [grade.id, grade]));
    rows.push([
      entry.name,
      ...ids.map((id) => {
        const grade = grades.get(id);
        return grade && grade.status !== 'skipped' ? formatPoints(earnedPoints(grade)) : '';
      }),
      formatPoints(totalOf(entry.report)),
      lateDays(entry.report),
      studentStatus(entry),
      String(entry.report.score.passed),
      String(entry.report.score.failed),
      String(entry.report.score.notSubmitted),
    ]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * The gradebook for people, as Markdown (a CI job summary, an issue, a
 * README): the assignment, a table of students (points, counts, lateness,
 * status), a table of exercises (how many passed, the average points), and
 * why each student who could not be graded was not. Pure.
 */
export function renderGradebookMarkdown(entries: readonly GradebookEntry[], options: { language: Language }): string {
  const texts = options.language === 'ru' ? ru : en;
  const reports = entries.flatMap((entry) => ('report' in entry ? [entry.report] : []));
  const assignment = reports.find((report) => report.assignment)?.assignment;
  const possible = reports[0] ? possibleOf(reports[0]) : 0;
  const facts = [texts.students(entries.length), ...(assignment ? [texts.possible(formatPoints(possible))] : []), ...(assignment?.deadline ? [texts.deadline(readableTime(assignment.deadline))] : [])];
  const out = [`# ${markdownText(assignment?.title ?? texts.gradebook)}`, '', facts.join(' · '), ''];

  out.push(tableRow(texts.studentColumns(assignment !== undefined)), tableRow(['---', '---:', '---:', '---:', '---:', '---', '---']));
  for (const entry of entries) {
    if ('error' in entry) {
      out.push(tableRow([markdownText(entry.name), '—', '', '', '', '', 'error']));
      continue;
    }
    const { score } = entry.report;
    const points = entry.report.assignment || entry.report.project ? `${formatPoints(totalOf(entry.report))}/${formatPoints(possibleOf(entry.report))}` : `${score.passed}/${score.total}`;
    const late = entry.report.assignment?.late;
    const lateText = late ? texts.late(late.days, late.accepted ? Math.round(late.penalty * 100) : undefined) : '';
    out.push(tableRow([markdownText(entry.name), points, String(score.passed), String(score.failed), String(score.notSubmitted), lateText, studentStatus(entry)]));
  }

  const ids = gradebookExercises(entries);
  if (ids.length > 0) {
    out.push('', tableRow(texts.exerciseColumns), tableRow(['---', '---:', '---:', '---:', '---:', '---:']));
    // Grouped once: looking each exercise up in every report costs exercises² × students (a second for a class of 30).
    const gradesById = new Map<string, ExerciseGrade[]>();
    for (const grade of reports.flatMap(exercisesOf)) {
      const same = gradesById.get(grade.id);
      if (same) same.push(grade);
      else gradesById.set(grade.id, [grade]);
    }
    for (const id of ids) {
      const grades = gradesById.get(id) ?? [];
      const count = (status: ExerciseGrade['status']) => String(grades.filter((grade) => grade.status === status).length);
      const counted = grades.filter((grade) => grade.status !== 'skipped');
      const average = counted.length > 0 ? formatPoints(counted.reduce((sum, grade) => sum + earnedPoints(grade), 0) / counted.length) : '—';
      const worth = grades[0]?.points?.possible ?? 1;
      out.push(tableRow([`\`${id}\``, formatPoints(worth), count('passed'), count('failed'), count('not-submitted'), average]));
    }
  }

  const failures = entries.flatMap((entry) => ('error' in entry ? [entry] : []));
  if (failures.length > 0) {
    out.push('', `## ${texts.notGraded}`, '');
    for (const { name, error } of failures) out.push(`- **${markdownText(name)}**: ${markdownText(error.message)}${error.nextStep ? ` ${markdownText(error.nextStep)}` : ''}`);
  }
  return out.join('\n') + '\n';
}

function exercisesOf(report: GradeReport): ExerciseGrade[] {
  return report.modules.flatMap((module) => module.exercises);
}

/** An exercise's points; a report without an assignment gives 1 for a pass. */
function earnedPoints(grade: ExerciseGrade): number {
  return grade.points?.earned ?? (grade.status === 'passed' ? 1 : 0);
}

function totalOf(report: GradeReport): number {
  return report.assignment?.points.total ?? report.project?.machine.earned ?? report.score.passed;
}

function possibleOf(report: GradeReport): number {
  return report.assignment?.points.possible ?? report.project?.machine.possible ?? report.score.total;
}

function lateDays(report: GradeReport): string {
  const assignment = report.assignment;
  if (!assignment?.deadline || !assignment.submittedAt) return '';
  return String(assignment.late?.days ?? 0);
}

/**
 * RFC 4180 quoting; and a cell a spreadsheet would read as a formula
 * (a folder named `=HYPERLINK(...)`) starts with ' so it stays text.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** Text from folder names and error messages, kept from turning into Markdown (a table cell above all). */
export function markdownText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}

interface GradebookTexts {
  gradebook: string;
  students(count: number): string;
  possible(points: string): string;
  deadline(time: string): string;
  studentColumns(withAssignment: boolean): string[];
  exerciseColumns: string[];
  late(days: number, percentOff: number | undefined): string;
  notGraded: string;
}

const en: GradebookTexts = {
  gradebook: 'Gradebook',
  students: (count) => `${count} ${count === 1 ? 'student' : 'students'}`,
  possible: (points) => `${points} points possible`,
  deadline: (time) => `deadline ${time}`,
  studentColumns: (withAssignment) => ['Student', withAssignment ? 'Points' : 'Score', 'Passed', 'Failed', 'Not submitted', 'Late', 'Status'],
  exerciseColumns: ['Exercise', 'Points', 'Passed', 'Failed', 'Not submitted', 'Average'],
  late: (days, percentOff) => `${days} ${days === 1 ? 'day' : 'days'}${percentOff === undefined ? ', refused' : percentOff > 0 ? ` (−${percentOff}%)` : ''}`,
  notGraded: 'Not graded',
};

const ru: GradebookTexts = {
  gradebook: 'Ведомость',
  students: (count) => `студентов: ${count}`,
  possible: (points) => `баллов возможно: ${points}`,
  deadline: (time) => `срок ${time}`,
  studentColumns: (withAssignment) => ['Студент', withAssignment ? 'Баллы' : 'Итог', 'Пройдено', 'Не пройдено', 'Не сдано', 'Опоздание', 'Статус'],
  exerciseColumns: ['Упражнение', 'Баллы', 'Пройдено', 'Не пройдено', 'Не сдано', 'В среднем'],
  late: (days, percentOff) => `дней: ${days}${percentOff === undefined ? ', не принято' : percentOff > 0 ? ` (−${percentOff}%)` : ''}`,
  notGraded: 'Не проверены',
};
