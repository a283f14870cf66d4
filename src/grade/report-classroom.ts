import type { Language } from '../course/schema.js';
import { roundPoints } from './assignment-points.js';
import { lateFactor, platformTests, scaledPoints, type PlatformStatus } from './platform-tests.js';
import type { GradeReport } from '../results/report-model.js';

/**
 * GitHub Classroom's autograding runner result
 * (classroom-resources/autograding-command-grader `generateResult()`, read
 * by github-education-resources/autograding-grading-reporter): base64 of
 * `{version: 1, status, max_score, tests}` on one line, the value a grader
 * step sets as its `result` output. One test per exercise with the points
 * it earned as `score`; the reporter adds the scores up over `max_score`.
 * It has no total of its own, so a late penalty is taken off each test's
 * score. A not-submitted exercise fails with the message "not submitted";
 * skipped ones are left out. Pure.
 */
export function renderClassroom(report: GradeReport, options: { language: Language }): string {
  const factor = lateFactor(report);
  const tests = platformTests(report, options.language);
  const result = {
    version: 1,
    status: overallStatus(tests.map((test) => test.status)),
    max_score: roundPoints(tests.reduce((sum, test) => sum + test.possible, 0)),
    tests: tests.map((test) => ({
      name: test.name,
      status: test.status,
      score: scaledPoints(test.earned, factor),
      message: test.message,
      test_code: test.command,
      filename: '',
      line_no: 0,
      duration: Math.round(test.grade.timings?.totalMs ?? 0),
    })),
  };
  return `${Buffer.from(JSON.stringify(result), 'utf8').toString('base64')}\n`;
}

/**
 * The reporter fails the step on `fail` ("Some tests failed.") before
 * `error` ("Some tests errored."), so `error` is kept for a result where
 * nothing could be checked: every test errored, or nothing was graded.
 */
function overallStatus(statuses: readonly PlatformStatus[]): PlatformStatus {
  if (statuses.length === 0 || statuses.every((status) => status === 'error')) return 'error';
  return statuses.every((status) => status === 'pass') ? 'pass' : 'fail';
}
