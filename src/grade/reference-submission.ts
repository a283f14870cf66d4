import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Course } from '../course/schema.js';

/**
 * Writes every exercise's reference solution as a submission
 * (`MODULE/EXERCISE.redis`), so grading the reference solutions goes through
 * exactly the path a student's answers take — discovery included. The
 * bench times it and the tests expect every exercise to pass.
 */
export async function writeReferenceSubmission(course: Course, dir: string): Promise<number> {
  let count = 0;
  for (const module of course.modules) {
    await mkdir(join(dir, module.id), { recursive: true });
    for (const exercise of module.exercises) {
      await writeFile(join(dir, module.id, `${exercise.localId}.redis`), exercise.solution);
      count++;
    }
  }
  return count;
}
