import { stringify } from 'yaml';
import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { formatPoints } from './assignment-points.js';
import { failureSummary } from './failure-details.js';
import { gradeTexts } from './grade-texts.js';
import { printable } from './printable.js';
import { criteriaText } from './project-criteria-lines.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';

/**
 * TAP version 14: one test point per exercise in course order; not
 * submitted and skipped are `# SKIP`; a failure carries a YAML diagnostic
 * block with the problem and the failing checks. Pure.
 */
export function renderTap(report: GradeReport, options: { language: Language }): string {
  const texts = gradeTexts(options.language);
  const exercises = report.modules.flatMap((module) => module.exercises);
  const lines = ['TAP version 14', `1..${exercises.length}`];
  exercises.forEach((grade, index) => {
    const point = `${index + 1} - ${grade.id}`;
    // Points are a comment after the test point, so a test's name stays the same whatever it earned.
    const points = grade.points && grade.status !== 'skipped' ? [`# ${texts.exercisePoints(formatPoints(grade.points.earned), formatPoints(grade.points.possible))}`] : [];
    switch (grade.status) {
      case 'passed':
        lines.push(`ok ${point}`, ...points);
        break;
      case 'not-submitted':
        lines.push(`ok ${point} # SKIP ${texts.notSubmitted}`, ...points);
        break;
      case 'skipped':
        lines.push(`ok ${point} # SKIP ${texts.skipped(grade.skipReason)}`);
        break;
      case 'failed':
        lines.push(`not ok ${point}`, '  ---', ...indent(stringify(diagnostic(grade, options.language), { lineWidth: 0 })), '  ...', ...points);
    }
  });
  const { score } = report;
  lines.push(`# ${texts.score(score.passed, score.total)} — ${texts.scoreDetails(score.failed, score.notSubmitted, score.skipped)}`);
  if (report.assignment) lines.push(`# ${texts.points(formatPoints(report.assignment.points.total), formatPoints(report.assignment.points.possible))}`);
  if (report.project) lines.push(...criteriaText(report.project, options.language).map((line) => `# ${line}`));
  return lines.join('\n') + '\n';
}

function diagnostic(grade: ExerciseGrade, language: Language): Record<string, unknown> {
  return {
    message: failureSummary(grade, language),
    severity: 'fail',
    ...(grade.answer ? { file: grade.answer.path } : {}),
    ...(grade.problem ? { problem: grade.problem.code } : {}),
    ...(grade.checks.some((check) => !check.passed)
      ? {
          checks: grade.checks
            .filter((check) => !check.passed)
            .map((check) => ({
              description: localize(check.description, language),
              ...(check.error !== undefined
                ? { error: localize(check.error, language) }
                : { expected: check.expected ? localize(check.expected, language) : null, found: check.found ? localize(check.found, language) : null }),
            })),
        }
      : {}),
    ...(grade.lineErrors && grade.lineErrors.length > 0
      ? { lineErrors: grade.lineErrors.map((error) => ({ line: error.line, text: printable(error.text), error: printable(error.error) })) }
      : {}),
    // One string per line reads better in YAML than one string with escaped newlines.
    ...(grade.output && grade.output.text.trim() !== '' ? { output: grade.output.text.trimEnd().split(/\r?\n/).map(printable) } : {}),
  };
}

function indent(yaml: string): string[] {
  return yaml.trimEnd().split('\n').map((line) => `  ${line}`);
}
