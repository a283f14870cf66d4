import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import { formatPoints, sumPoints } from './assignment-points.js';
import { failureDetails, failureSummary } from './failure-details.js';
import { gradeTexts } from './grade-texts.js';
import type { ExerciseGrade, GradeReport, ModuleGrade } from '../results/report-model.js';
import { criteriaText } from './project-criteria-lines.js';
import { xmlEscape } from './xml-escape.js';

/**
 * JUnit XML as GitHub Actions test reporters and GitLab's `artifacts:reports:junit`
 * read it: one testsuite per module, one testcase per exercise, a failure
 * with a one-line message and the details as its text, not submitted and
 * skipped as <skipped>. Pure; times are in seconds.
 */
export function renderJunit(report: GradeReport, options: { language: Language }): string {
  const { score } = report;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlEscape(suitesName(report))}" tests="${score.total + score.skipped}" failures="${score.failed}" errors="0" skipped="${score.notSubmitted + score.skipped}" time="${seconds(report.durationMs)}">`,
    ...report.modules.flatMap((module) => suite(module, report, options.language)),
    '</testsuites>',
  ];
  return lines.join('\n') + '\n';
}

function suite(module: ModuleGrade, report: GradeReport, language: Language): string[] {
  const time = module.exercises.reduce((sum, exercise) => sum + (exercise.timings?.totalMs ?? 0), 0);
  const { score } = module;
  return [
    `  <testsuite name="${xmlEscape(module.id)}" tests="${module.exercises.length}" failures="${score.failed}" errors="0" skipped="${score.notSubmitted + score.skipped}" time="${seconds(time)}">`,
    `    <properties><property name="title" value="${xmlEscape(localize(module.title, language))}"/>${pointsProperty(module.exercises)}${criteriaProperties(report, module)}</properties>`,
    ...module.exercises.flatMap((exercise) => testcase(exercise, module, report, language)),
    ...(report.project && report.project.id === module.id ? [`    <system-out>${xmlEscape(criteriaText(report.project, language).join('\n'))}</system-out>`] : []),
    '  </testsuite>',
  ];
}

function testcase(grade: ExerciseGrade, module: ModuleGrade, report: GradeReport, language: Language): string[] {
  const texts = gradeTexts(language);
  const file = grade.answer ? ` file="${xmlEscape(joinPath(report.submission, grade.answer.path))}"` : '';
  const open = `    <testcase name="${xmlEscape(grade.exercise)}" classname="${xmlEscape(module.id)}"${file} time="${seconds(grade.timings?.totalMs ?? 0)}"`;
  // Points go in the testcase's properties, which JUnit readers that know them show.
  const properties = grade.points ? [`      <properties>${pointsProperty([grade])}</properties>`] : [];
  switch (grade.status) {
    case 'passed':
      return properties.length > 0 ? [`${open}>`, ...properties, '    </testcase>'] : [`${open}/>`];
    case 'not-submitted':
      return [`${open}>`, ...properties, `      <skipped message="${xmlEscape(texts.notSubmitted)}"/>`, '    </testcase>'];
    case 'skipped':
      return [`${open}>`, ...properties, `      <skipped message="${xmlEscape(texts.skipped(grade.skipReason))}"/>`, '    </testcase>'];
    case 'failed': {
      const details = failureDetails(grade, language).map((line) => `${'  '.repeat(line.depth)}${line.text}`);
      return [
        `${open}>`,
        ...properties,
        `      <failure message="${xmlEscape(failureSummary(grade, language))}" type="${xmlEscape(grade.problem?.code ?? 'checks')}">${xmlEscape(details.join('\n'))}</failure>`,
        '    </testcase>',
      ];
    }
  }
}

/** With --assignment the run is named after it, with the points: `redis-tutor grade: Week 3 (22.5/30 points)`. */
function suitesName(report: GradeReport): string {
  const { assignment, project } = report;
  if (project) return `redis-tutor grade: project ${project.variant}, ${project.id} (${formatPoints(project.machine.earned)}/${formatPoints(project.machine.possible)} scored by the tester)`;
  if (!assignment) return 'redis-tutor grade';
  return `redis-tutor grade: ${assignment.title} (${formatPoints(assignment.points.total)}/${formatPoints(assignment.points.possible)} points)`;
}

/** `<property name="points" value="2.5/3"/>` for exercises that carry points; nothing otherwise. */
function pointsProperty(exercises: readonly ExerciseGrade[]): string {
  if (!exercises.some((exercise) => exercise.points)) return '';
  const { earned, possible } = sumPoints(exercises);
  return `<property name="points" value="${formatPoints(earned)}/${formatPoints(possible)}"/>`;
}

/** A project's suite: `<property name="criterion:tests" value="15/15"/>`, the teacher's criteria as `-/25`. */
function criteriaProperties(report: GradeReport, module: ModuleGrade): string {
  if (!report.project || report.project.id !== module.id) return '';
  return report.project.criteria
    .map((criterion) => `<property name="criterion:${criterion.id}" value="${criterion.points === null ? '-' : formatPoints(criterion.points)}/${criterion.weight}"/>`)
    .join('');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** The answer's path as the repository sees it (reports keep it relative to the submission). */
export function joinPath(submission: string, path: string): string {
  const base = submission.replace(/\\/g, '/').replace(/\/+$/, '');
  return base === '' || base === '.' ? path : `${base}/${path}`;
}
