import type { Language } from '../course/schema.js';
import { renderClassroom } from './report-classroom.js';
import { renderExercism } from './report-exercism.js';
import { renderGithub } from './report-github.js';
import { renderGradescope } from './report-gradescope.js';
import { renderJunit } from './report-junit.js';
import type { GradeReport } from '../results/report-model.js';
import { renderPretty } from './report-pretty.js';
import { renderTap } from './report-tap.js';

export const REPORTER_NAMES = ['pretty', 'json', 'junit', 'tap', 'github', 'gradescope', 'exercism', 'classroom'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];

export interface ReporterOptions {
  language: Language;
  /** Colours, for pretty on a terminal. */
  color: boolean;
}

/** Every reporter is a pure function of the report: the same report always renders to the same text. */
export const reporters: Record<ReporterName, (report: GradeReport, options: ReporterOptions) => string> = {
  pretty: renderPretty,
  json: (report) => `${JSON.stringify(report, null, 2)}\n`,
  junit: renderJunit,
  tap: renderTap,
  github: renderGithub,
  gradescope: renderGradescope,
  exercism: renderExercism,
  classroom: renderClassroom,
};

export function isReporterName(value: unknown): value is ReporterName {
  return typeof value === 'string' && (REPORTER_NAMES as readonly string[]).includes(value);
}
