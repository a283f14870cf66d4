import type { Language } from '../course/schema.js';
import { failureDetails, failureSummary } from './failure-details.js';
import { gradeTexts } from './grade-texts.js';
import { criteriaText } from './project-criteria-lines.js';
import { joinPath } from './report-junit.js';
import { renderPretty } from './report-pretty.js';
import type { ExerciseGrade, GradeReport } from '../results/report-model.js';

/** GitHub shows only the first few annotations of a kind per step; a long list of missing answers goes in one notice. */
const MAX_LISTED = 20;

/**
 * GitHub Actions workflow commands: an error annotation on each failing
 * answer file (at the failing line of a .redis answer), a warning on each
 * file that matches no exercise, one notice for what was not submitted and
 * one for the score — followed by the plain pretty report, since GitHub
 * hides the commands from the log. Pure; the job summary is
 * ./report-github-summary.ts.
 */
export function renderGithub(report: GradeReport, options: { language: Language }): string {
  const texts = gradeTexts(options.language);
  const commands: string[] = [];
  for (const grade of report.modules.flatMap((module) => module.exercises)) {
    if (grade.status !== 'failed') continue;
    const details = failureDetails(grade, options.language).map((line) => `${'  '.repeat(line.depth)}${line.text}`);
    const title = `${grade.id}: ${failureSummary(grade, options.language)}`;
    for (const place of annotatedPlaces(grade)) {
      const where = place.file !== undefined ? { file: joinPath(report.submission, place.file), ...(place.line !== undefined ? { line: String(place.line) } : {}) } : {};
      commands.push(command('error', { ...where, title }, details.join('\n')));
    }
  }
  for (const file of report.unmatched) {
    const hint = file.suggestion !== undefined ? ` (${texts.didYouMean(file.suggestion)})` : '';
    commands.push(command('warning', { file: joinPath(report.submission, file.path), title: texts.notGraded }, `${file.path}: ${texts.unmatched(file)}${hint}`));
  }
  const missing = report.modules.flatMap((module) => module.exercises).filter((grade) => grade.status === 'not-submitted');
  if (missing.length > 0) {
    const listed = missing.slice(0, MAX_LISTED).map((grade) => grade.id);
    const more = missing.length > MAX_LISTED ? ` (+${missing.length - MAX_LISTED})` : '';
    commands.push(command('notice', { title: `${texts.notSubmitted}: ${missing.length}` }, `${listed.join(', ')}${more}`));
  }
  const { score } = report;
  commands.push(command('notice', { title: texts.score(score.passed, score.total) }, texts.scoreDetails(score.failed, score.notSubmitted, score.skipped)));
  if (report.project) {
    const [heading = '', ...lines] = criteriaText(report.project, options.language, '');
    commands.push(command('notice', { title: heading }, lines.join('\n')));
  }
  return `${commands.join('\n')}\n${renderPretty(report, { language: options.language, color: false })}`;
}

/**
 * Where a failure is shown in the pull request: the answer file, at the line
 * of a .redis answer that was running when time ran out or got the first
 * error reply; each of several answers to one exercise, so every copy shows.
 */
function annotatedPlaces(grade: ExerciseGrade): Array<{ file?: string; line?: number }> {
  const duplicates = grade.problem?.code === 'several-answers' ? (grade.problem.files ?? []) : [];
  if (duplicates.length > 0) return duplicates.map((file) => ({ file }));
  if (!grade.answer) return [{}];
  const line = grade.answer.kind === 'redis' ? (grade.problem?.line ?? grade.lineErrors?.[0]?.line) : undefined;
  return [{ file: grade.answer.path, ...(line !== undefined ? { line } : {}) }];
}

/** `::error file=F,line=L,title=T::message` with GitHub's escaping of data and properties. */
function command(kind: 'error' | 'warning' | 'notice', properties: Record<string, string>, message: string): string {
  const props = Object.entries(properties)
    .map(([name, value]) => `${name}=${escapeProperty(value)}`)
    .join(',');
  return `::${kind}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
