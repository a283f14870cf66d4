import { Chalk } from 'chalk';
import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { formatPoints, readableTime, sumPoints } from './assignment-points.js';
import { failureDetails } from './failure-details.js';
import { gradeTexts, type GradeTexts } from './grade-texts.js';
import { printable } from './printable.js';
import { criteriaText } from './project-criteria-lines.js';
import type { ExerciseGrade, GradeReport, ModuleGrade } from '../results/report-model.js';

export interface PrettyOptions {
  language: Language;
  /** ANSI colours: on a terminal only. */
  color: boolean;
}

const INDENT = '  ';

/**
 * The report for people: per module its score, each exercise ✓ / ✗ / not
 * submitted, and for failures why (expected and found). A module with no
 * answer at all is one line, so a half-done course stays readable. Pure.
 */
export function renderPretty(report: GradeReport, options: PrettyOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const texts = gradeTexts(options.language);
  const out: string[] = [paint.bold(texts.heading(report.submission, report.server)), ...assignmentLines(report, texts), ''];

  for (const module of report.modules) out.push(...moduleLines(module, options, paint));

  if (report.unmatched.length > 0) {
    out.push('', paint.yellow(texts.notGraded));
    for (const file of report.unmatched) {
      const hint = file.suggestion !== undefined ? ` (${texts.didYouMean(file.suggestion)})` : '';
      out.push(`${INDENT}${printable(file.path)} — ${texts.unmatched(file)}${hint}`);
    }
  }

  const { score } = report;
  out.push('');
  if (score.passed + score.failed === 0) out.push(paint.yellow(texts.nothingSubmitted));
  const summary = `${texts.score(score.passed, score.total)} — ${texts.scoreDetails(score.failed, score.notSubmitted, score.skipped)} (${texts.seconds(report.durationMs)})`;
  out.push(paint.bold(score.failed === 0 && score.passed > 0 ? paint.green(summary) : score.failed > 0 ? paint.red(summary) : summary));
  if (report.assignment) {
    const { points } = report.assignment;
    const penalty = points.penalty > 0 ? ` (${texts.pointsBeforePenalty(formatPoints(points.earned), formatPoints(points.penalty))})` : '';
    out.push(paint.bold(`${texts.points(formatPoints(points.total), formatPoints(points.possible))}${penalty}`));
  }
  if (report.project) {
    const [heading = '', ...rest] = criteriaText(report.project, options.language);
    out.push('', paint.bold(heading), ...rest);
  }
  return out.join('\n') + '\n';
}

/** With --assignment: its title, the deadline and when the submission was made (late or not). */
function assignmentLines(report: GradeReport, texts: GradeTexts): string[] {
  const { assignment } = report;
  if (!assignment) return [];
  const when = [
    ...(assignment.deadline ? [texts.deadline(readableTime(assignment.deadline))] : []),
    ...(assignment.submittedAt ? [texts.submitted(readableTime(assignment.submittedAt.time), assignment.submittedAt.source)] : []),
    ...(assignment.late ? [texts.late(assignment.late.days, assignment.late.accepted, Math.round(assignment.late.penalty * 100))] : []),
  ];
  return [`${texts.assignment(assignment.title, assignment.file)}${when.length > 0 ? `; ${when.join(', ')}` : ''}`];
}

/** `  2.5/3 points` after a line, when the exercises carry points. */
function pointsSuffix(exercises: readonly ExerciseGrade[], texts: GradeTexts): string {
  if (!exercises.some((exercise) => exercise.points)) return '';
  const { earned, possible } = sumPoints(exercises);
  return ` · ${texts.exercisePoints(formatPoints(earned), formatPoints(possible))}`;
}

function moduleLines(module: ModuleGrade, options: PrettyOptions, paint: InstanceType<typeof Chalk>): string[] {
  const texts = gradeTexts(options.language);
  const title = `${paint.bold(module.id)} — ${localize(module.title, options.language)}  ${module.score.passed}/${module.score.total}${pointsSuffix(module.exercises, texts)}`;
  if (module.exercises.every((exercise) => exercise.status === 'not-submitted')) {
    return [`${title}  ${paint.dim(texts.notSubmittedModule(module.exercises.length))}`];
  }
  return [title, ...module.exercises.flatMap((exercise) => exerciseLines(exercise, options, paint))];
}

function exerciseLines(grade: ExerciseGrade, options: PrettyOptions, paint: InstanceType<typeof Chalk>): string[] {
  const texts = gradeTexts(options.language);
  const name = `${grade.exercise} — ${localize(grade.title, options.language)}${grade.status === 'skipped' ? '' : pointsSuffix([grade], texts)}`;
  switch (grade.status) {
    case 'passed':
      return [`${INDENT}${paint.green('✓')} ${name}`];
    case 'not-submitted':
      return [`${INDENT}${paint.dim(`· ${name}  ${texts.notSubmitted}`)}`];
    case 'skipped':
      return [`${INDENT}${paint.dim(`○ ${name}  ${texts.skipped(grade.skipReason)}`)}`];
    case 'failed':
      return [
        `${INDENT}${paint.red('✗')} ${name}${grade.answer ? paint.dim(`  (${grade.answer.path})`) : ''}`,
        ...failureDetails(grade, options.language).map(
          (line) => `${INDENT.repeat(3 + line.depth)}${line.failedCheck ? `${paint.red('✗')} ` : ''}${line.text}`,
        ),
      ];
  }
}
