import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseProblem } from './course-problems.js';
import { isPlainMap } from './property-path.js';
import { CourseFileSchema, LANGUAGES, SUPPORTED_FORMAT_VERSION, type Language } from './schema.js';
import { parseYamlSource } from './yaml-source.js';
import { explainIssues } from './zod-issues.js';

export const COURSE_FILE = 'course.yaml';

/** A course without course.yaml is written in both languages, as the bundled one is. */
export const DEFAULT_LANGUAGES: readonly Language[] = LANGUAGES;

export interface CourseFileLoad {
  languages: readonly Language[];
  problems: CourseProblem[];
}

/**
 * Reads course.yaml when the course has one. A broken file is reported and
 * the defaults are used, so one mistake there never hides the modules.
 */
export async function readCourseFile(courseDir: string): Promise<CourseFileLoad> {
  const file = join(courseDir, COURSE_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { languages: DEFAULT_LANGUAGES, problems: [] };
  const source = parseYamlSource(file, text);
  const problems = [...source.problems];
  const fallback = (): CourseFileLoad => ({ languages: DEFAULT_LANGUAGES, problems });
  if (problems.some((problem) => problem.severity === 'error')) return fallback();
  if (!isPlainMap(source.value)) {
    problems.push({ severity: 'error', code: 'schema', file, line: 1, column: 1, message: 'expected a map of course fields (formatVersion, languages)' });
    return fallback();
  }
  const version = source.value.formatVersion;
  if (typeof version === 'number' && version > SUPPORTED_FORMAT_VERSION) {
    const location = source.locate(['formatVersion']);
    problems.push({
      severity: 'error',
      code: 'format-version',
      file,
      line: location.line,
      column: location.column,
      message: `formatVersion ${version} is newer than this redis-tutor understands (it reads up to ${SUPPORTED_FORMAT_VERSION}) — upgrade redis-tutor (npm install -g redis-tutor@latest)`,
    });
    return fallback();
  }
  const result = CourseFileSchema.safeParse(source.value);
  if (!result.success) {
    for (const issue of explainIssues(result.error.issues, source.value)) {
      const location = issue.key === undefined ? source.locate(issue.path) : source.locateKey(issue.path, issue.key);
      problems.push({ severity: 'error', code: 'schema', file, line: location.line, column: location.column, message: issue.message });
    }
    return fallback();
  }
  return { languages: result.data.languages, problems };
}
