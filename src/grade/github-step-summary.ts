import { appendFile } from 'node:fs/promises';
import type { Language } from '../course/schema.js';
import { errorMessage } from '../errors.js';
import type { GradeReport } from '../results/report-model.js';
import { renderGithubSummary } from './report-github-summary.js';

/** GitHub Actions names the file of the job summary here, in every step. */
export const STEP_SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';

/**
 * Appends the report's Markdown table to the job summary when GitHub Actions
 * asks for one (whatever --reporter says). A summary that cannot be written
 * costs a warning, returned for stderr, never the grade.
 */
export function appendStepSummary(report: GradeReport, language: Language, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return appendToStepSummary(() => renderGithubSummary(report, { language }), env);
}

/**
 * Class mode: the Markdown gradebook (each student's points, each
 * exercise's points and average; the text of gradebook.md) goes to the job
 * summary, so the run's page shows the marks. Same warning rule as above.
 */
export function appendClassStepSummary(gradebookMarkdown: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return appendToStepSummary(() => `${gradebookMarkdown}\n`, env);
}

async function appendToStepSummary(markdown: () => string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const file = env[STEP_SUMMARY_ENV];
  if (file === undefined || file === '') return undefined;
  try {
    await appendFile(file, markdown());
    return undefined;
  } catch (error) {
    return `warning: the job summary was not written to ${file} (${STEP_SUMMARY_ENV}): ${errorMessage(error)}\n`;
  }
}
