import { UserError } from '../errors.js';
import { loadCourse } from './load.js';
import type { Course } from './schema.js';

/**
 * The course for commands that only read it (list, show). Learners should
 * not face authoring diagnostics: broken files are summed up in one note,
 * and `validate` has the details.
 */
export async function readCourse(dir: string): Promise<{ course: Course; note?: string }> {
  const { course, problems } = await loadCourse(dir);
  const brokenFiles = new Set(problems.filter((problem) => problem.severity === 'error').map((problem) => problem.file));
  if (brokenFiles.size === 0) return { course };
  const validateHint = `run \`redis-tutor validate ${dir}\` for details`;
  if (course.modules.length === 0) {
    throw new UserError(`no module in ${dir} could be loaded (${brokenFiles.size} broken files).`, `To see what is wrong, ${validateHint}.`);
  }
  return { course, note: `note: ${brokenFiles.size} course file(s) could not be loaded and are left out; ${validateHint}.\n` };
}
