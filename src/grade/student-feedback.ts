import type { Language } from '../course/schema.js';
import { hiddenChecksText, studentView } from '../results/hidden-checks.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';
import { formatPoints } from './assignment-points.js';
import { gradeTexts } from './grade-texts.js';
import { markdownText } from './gradebook.js';

/**
 * A student's feedback (STUDENT.feedback.md), to hand back as is: the
 * score (points and lateness with an assignment), then each exercise with
 * its status and, for a failed one, why: the problem that stopped it, and
 * each failed check with what it expected and what the server had (a
 * teacher's hidden checks only as how many passed). Written
 * to the student, in the language the teacher chose. Pure.
 */
export function renderStudentFeedback(name: string, report: GradeReport, options: { language: Language }): string {
  const { language } = options;
  const texts = language === 'ru' ? ru : en;
  const words = gradeTexts(language);
  const { score, assignment } = report;
  const out = [`# ${texts.heading(markdownText(name))}`, ''];
  if (assignment) out.push(`**${markdownText(assignment.title)}**`, '');
  const facts = [texts.score(score.passed, score.total), texts.counts(score.passed, score.failed, score.notSubmitted)];
  if (assignment) facts.push(texts.points(formatPoints(assignment.points.total), formatPoints(assignment.points.possible)));
  if (assignment?.late) facts.push(texts.late(assignment.late.days, assignment.late.accepted, Math.round(assignment.late.penalty * 100)));
  out.push(...facts.map((fact) => `- ${fact}`), '', `## ${texts.exercises}`, '');

  for (const grade of report.modules.flatMap((module) => module.exercises)) {
    if (grade.status === 'skipped') continue;
    out.push(`- ${MARKS[grade.status]} **${markdownText(grade.title[language])}** (\`${grade.id}\`): ${texts.status[grade.status]}`);
    if (grade.status !== 'failed') continue;
    if (grade.problem) out.push(`  - ${markdownText(words.problem(grade.problem))}`);
    // A teacher's hidden checks reach the student only as totals, never with what they expected.
    const { visible, hidden } = studentView(grade.checks);
    for (const check of visible.filter((candidate) => !candidate.passed)) out.push(...failedCheck(check, language, words));
    if (hidden && hidden.passed < hidden.total) out.push(`  - ✗ ${hiddenChecksText(hidden.total, hidden.passed, language)}`);
  }
  return out.join('\n') + '\n';
}

const MARKS: Record<Exclude<ExerciseGrade['status'], 'skipped'>, string> = { passed: '✓', failed: '✗', 'not-submitted': '·' };

function failedCheck(check: ExerciseGrade['checks'][number], language: Language, words: ReturnType<typeof gradeTexts>): string[] {
  const lines = [`  - ✗ ${markdownText(check.description[language])}`];
  if (check.expected) lines.push(`    - ${words.expected}: ${markdownText(check.expected[language])}`);
  if (check.found) lines.push(`    - ${words.found}: ${markdownText(check.found[language])}`);
  if (check.error) lines.push(`    - ${words.checkError}: ${markdownText(check.error[language])}`);
  return lines;
}

interface FeedbackTexts {
  heading(name: string): string;
  score(passed: number, total: number): string;
  counts(passed: number, failed: number, notSubmitted: number): string;
  points(total: string, possible: string): string;
  late(days: number, accepted: boolean, percentOff: number): string;
  exercises: string;
  status: Record<Exclude<ExerciseGrade['status'], 'skipped'>, string>;
}

const en: FeedbackTexts = {
  heading: (name) => `Feedback for ${name}`,
  score: (passed, total) => `Score: ${passed}/${total}`,
  counts: (passed, failed, notSubmitted) => `${passed} passed, ${failed} failed, ${notSubmitted} not submitted`,
  points: (total, possible) => `Points: ${total}/${possible}`,
  late: (days, accepted, percentOff) => `${days} ${days === 1 ? 'day' : 'days'} late: ${accepted ? `−${percentOff}%` : 'not accepted, no points'}`,
  exercises: 'Exercises',
  status: { passed: 'passed', failed: 'failed', 'not-submitted': 'not submitted' },
};

const ru: FeedbackTexts = {
  heading: (name) => `Отзыв: ${name}`,
  score: (passed, total) => `Итог: ${passed}/${total}`,
  counts: (passed, failed, notSubmitted) => `пройдено: ${passed}, не пройдено: ${failed}, не сдано: ${notSubmitted}`,
  points: (total, possible) => `Баллы: ${total.replace('.', ',')}/${possible.replace('.', ',')}`,
  late: (days, accepted, percentOff) => `опоздание, дней: ${days}: ${accepted ? `−${percentOff}%` : 'не принято, баллов нет'}`,
  exercises: 'Упражнения',
  status: { passed: 'пройдено', failed: 'не пройдено', 'not-submitted': 'не сдано' },
};
