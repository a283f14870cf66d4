import { checkCourse } from '../../course/check-course.js';
import { chooseCourseDir } from '../../course/course-dir.js';
import { formatCourseProblem } from '../../course/course-problems.js';
import type { CourseFact } from '../doctor-facts.js';
import { errorMessage } from '../../errors.js';

/** Loads and lints the course `start` would read (--course, REDIS_TUTOR_COURSE, or the bundled one); needs no Redis. */
export async function probeCourse(env: NodeJS.ProcessEnv, cwd: string, courseOption?: string): Promise<CourseFact> {
  const dir = chooseCourseDir({ option: courseOption }, env, cwd).dir;
  try {
    const { course, problems } = await checkCourse(dir);
    return {
      state: 'loaded',
      dir,
      modules: course.modules.length,
      exercises: course.modules.reduce((sum, module) => sum + module.exercises.length, 0),
      errors: problems.filter((problem) => problem.severity === 'error').map((problem) => formatCourseProblem(problem, cwd)),
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
    };
  } catch (error) {
    return { state: 'unreadable', dir, message: errorMessage(error) };
  }
}
