import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../course/schema.js';
import { EXIT, EnvironmentError, UserError, errorMessage } from '../errors.js';
import { formatPoints } from '../grade/assignment-points.js';
import type { StudentOutcome } from '../grade/class-grading.js';
import { classReportFiles } from '../grade/class-reports.js';
import { appendClassStepSummary } from '../grade/github-step-summary.js';
import { renderGradebookCsv, renderGradebookMarkdown, studentStatus } from '../grade/gradebook.js';
import { isReporterName, REPORTER_NAMES, reporters, type ReporterName } from '../grade/reporters.js';
import type { Io } from '../io.js';

/** The file each reporter writes per student in --output-dir: STUDENT.json, STUDENT.xml... */
export const REPORT_EXTENSIONS: Record<ReporterName, string> = { pretty: 'txt', json: 'json', junit: 'xml', tap: 'tap', github: 'github.txt', gradescope: 'gradescope.json', exercism: 'exercism.json', classroom: 'classroom.txt' };

export const GRADEBOOK_CSV = 'gradebook.csv';
export const GRADEBOOK_MARKDOWN = 'gradebook.md';

/** Class mode is `--class DIR`, several folders, or --output-dir (a class of one). */
export function isClassRun(options: Record<string, unknown>, operands: readonly string[]): boolean {
  return options.class !== undefined || operands.length > 1 || options.outputDir !== undefined;
}

/** The options of class mode that `grade` alone has no use for, checked together. */
export function checkClassOptions(options: Record<string, unknown>, operands: readonly string[]): void {
  if (typeof options.class === 'string' && operands.length > 0) {
    throw new UserError('give either --class DIR or the submission folders, not both.', 'With --class, every folder inside DIR is a student; or list the folders instead.');
  }
  if (options.hiddenChecks !== undefined) {
    throw new UserError("--hidden-checks is for a report a student reads; a class run is the teacher's (each student's feedback counts hidden checks already).", 'Drop --hidden-checks, or grade one submission with it.');
  }
  if (typeof options.output === 'string') {
    throw new UserError('--output is one report; grading a class writes one per student.', 'Use --output-dir DIR: each student gets DIR/STUDENT.json (per --reporter) and DIR has gradebook.csv and gradebook.md.');
  }
}

/** `--reporter json,junit`: in class mode each student gets a file per reporter; json when none is named. */
export function parseClassReporters(value: unknown): ReporterName[] {
  if (value === undefined) return ['json'];
  const names = (typeof value === 'string' ? value : '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.find((name) => !isReporterName(name));
  if (unknown !== undefined || names.length === 0) {
    throw new UserError(`unknown reporter ${JSON.stringify(unknown ?? value)}.`, `Use one or more of ${REPORTER_NAMES.join(', ')}, separated by commas, e.g. --reporter json,junit.`);
  }
  return [...new Set(names)] as ReporterName[];
}

/** A line on stderr as each student is graded, so a long class run shows it is moving. */
export function progressLine(outcome: StudentOutcome): string {
  if ('error' in outcome) return `${outcome.student.name}: not graded — ${outcome.error.message}\n`;
  const { report } = outcome;
  const points = report.assignment
    ? `${formatPoints(report.assignment.points.total)}/${formatPoints(report.assignment.points.possible)} points`
    : `${report.score.passed}/${report.score.total}`;
  return `${outcome.student.name}: ${points}, ${studentStatus({ name: outcome.student.name, report })} (${Math.round(report.durationMs)} ms)\n`;
}

/**
 * What class mode leaves behind: with --output-dir, each student's report
 * per reporter and feedback, the gradebook (CSV and Markdown), the class
 * summary and the similar answers (../grade/class-reports.ts); the Markdown gradebook
 * on stdout in any case, and on GitHub Actions in the job summary. Exit 0 when every student was graded, whatever
 * their results (the gradebook is complete); 1 when a student's folder could
 * not be graded (their row says error, and why).
 */
export async function writeClassResults(
  outcomes: readonly StudentOutcome[],
  output: { outputDir?: string; reporters: readonly ReporterName[]; language: Language; io: Io },
): Promise<number> {
  const entries = outcomes.map((outcome) => ('error' in outcome ? { name: outcome.student.name, error: outcome.error } : { name: outcome.student.name, report: outcome.report }));
  const markdown = renderGradebookMarkdown(entries, { language: output.language });
  if (output.outputDir !== undefined) {
    const dir = output.outputDir;
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw cannotWrite(dir, error);
    });
    const files: Array<[string, string]> = [
      ...outcomes.flatMap((outcome) =>
        'report' in outcome
          ? output.reporters.map((reporter): [string, string] => [`${outcome.student.name}.${REPORT_EXTENSIONS[reporter]}`, reporters[reporter](outcome.report, { language: output.language, color: false })])
          : [],
      ),
      [GRADEBOOK_CSV, renderGradebookCsv(entries)],
      [GRADEBOOK_MARKDOWN, markdown],
      ...(await classReportFiles(outcomes, output.language)),
    ];
    // At once: one after another, each of a class's ~70 files waits its turn on a busy disk.
    await Promise.all(
      files.map(async ([name, text]) => {
        const file = join(dir, name);
        await writeFile(file, text).catch((error: unknown) => {
          throw cannotWrite(file, error);
        });
      }),
    );
  }
  output.io.stdout.write(markdown);
  const summaryWarning = await appendClassStepSummary(markdown, output.io.env);
  if (summaryWarning !== undefined) output.io.stderr.write(summaryWarning);
  return outcomes.some((outcome) => 'error' in outcome) ? EXIT.failed : EXIT.ok;
}

function cannotWrite(path: string, error: unknown): EnvironmentError {
  return new EnvironmentError(`cannot write ${path}: ${errorMessage(error)}.`, 'Check that --output-dir is a folder you can write to.', { cause: error });
}
