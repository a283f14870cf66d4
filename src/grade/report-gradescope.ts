import type { Language } from '../course/schema.js';
import { formatPoints } from './assignment-points.js';
import { gradeTexts } from './grade-texts.js';
import { platformTests, totalPoints } from './platform-tests.js';
import type { GradeReport } from '../results/report-model.js';

/**
 * Gradescope's autograder results.json (gradescope/autograder_samples
 * docs/specs.md): the top-level `score` — the assignment's total with the
 * late penalty taken off, which overrides the sum of the tests — and one
 * test per exercise with `score`, `max_score`, `status` and the reasons in
 * `output`. A not-submitted exercise is a failed test scoring 0 with the
 * output "not submitted"; skipped ones are left out and named in the
 * top-level output. Everything is `visible`: the student is meant to see
 * why. Pure.
 */
export function renderGradescope(report: GradeReport, options: { language: Language }): string {
  const texts = gradeTexts(options.language);
  const total = totalPoints(report);
  const tests = platformTests(report, options.language).map((test) => ({
    name: test.name,
    score: test.earned,
    max_score: test.possible,
    status: test.status === 'pass' ? 'passed' : 'failed',
    output: test.message,
    visibility: 'visible',
  }));
  const skipped = report.modules.flatMap((module) => module.exercises).filter((grade) => grade.status === 'skipped');
  const output = [
    `${texts.score(report.score.passed, report.score.total)} — ${texts.scoreDetails(report.score.failed, report.score.notSubmitted, report.score.skipped)}`,
    ...(report.assignment ? [texts.points(formatPoints(total.earned), formatPoints(total.possible))] : []),
    ...(report.assignment?.late ? [texts.late(report.assignment.late.days, report.assignment.late.accepted, Math.round(report.assignment.late.penalty * 100))] : []),
    ...skipped.map((grade) => `${grade.id}: ${texts.skipped(grade.skipReason)}`),
  ].join('\n');
  const results = { score: total.earned, output, visibility: 'visible', tests };
  return `${JSON.stringify(results, null, 2)}\n`;
}
