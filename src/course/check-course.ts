import { lintCourse } from './lint.js';
import { loadCourse, type CourseLoad } from './load.js';
import type { CourseProblem } from './course-problems.js';

/** Everything `validate` reports without a Redis: the loader's problems and the content lint, in file order. */
export async function checkCourse(dir?: string): Promise<CourseLoad> {
  const loaded = await loadCourse(dir);
  const problems = [...loaded.problems, ...(await lintCourse(loaded.course))];
  return { course: loaded.course, problems: sortProblems(problems) };
}

export function sortProblems(problems: readonly CourseProblem[]): CourseProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
