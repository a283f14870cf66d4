import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Course, LoadedExercise } from '../course/schema.js';

/**
 * Writes every exercise's reference solution as a submission
 * (`MODULE/EXERCISE.redis`; a program exercise without redis-cli lines
 * gives its JavaScript solution, which the tutor's own Node.js and ioredis
 * run anywhere, else its Python one), so grading the reference solutions goes through
 * exactly the path a student's answers take — discovery included. The
 * bench times it and the tests expect every exercise to pass.
 */
export async function writeReferenceSubmission(course: Course, dir: string): Promise<number> {
  let count = 0;
  for (const module of course.modules) {
    await mkdir(join(dir, module.id), { recursive: true });
    for (const exercise of module.exercises) {
      const program = exercise.solution === '' ? referenceProgram(exercise) : undefined;
      if (program !== undefined) await copyFile(program.path, join(dir, module.id, `${exercise.localId}${program.extension}`));
      else await writeFile(join(dir, module.id, `${exercise.localId}.redis`), exercise.solution);
      count++;
    }
  }
  return count;
}

function referenceProgram(exercise: LoadedExercise): { path: string; extension: string } | undefined {
  const path = exercise.program?.javascript?.solutionPath ?? exercise.program?.python?.solutionPath;
  return path !== undefined ? { path, extension: extname(path) } : undefined;
}
