import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadCourse } from '../../../src/course/load.js';
import type { Course } from '../../../src/course/schema.js';
import { connectRespLearner } from '../../../src/engine/default-learner.js';
import { gradeSubmission, type GradeSubmissionOptions } from '../../../src/grade/grade-submission.js';
import type { ExerciseGrade, GradeReport } from '../../../src/results/report-model.js';

export const FIXTURE_COURSE_DIR = join(import.meta.dirname, '../fixtures/course');

let fixtureCourse: Promise<Course> | undefined;
export function loadFixtureCourse(): Promise<Course> {
  fixtureCourse ??= loadCourse(FIXTURE_COURSE_DIR).then(({ course, problems }) => {
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) throw new Error(`the grade fixture course does not load: ${JSON.stringify(errors)}`);
    return course;
  });
  return fixtureCourse;
}

/** A file of a submission: text, or text with a mode (an executable without extension). */
export type SubmissionFile = string | { text: string; mode: number };

/** Writes a submission folder; returns its path. The caller removes it (see gradeFiles). */
export function writeSubmission(files: Record<string, SubmissionFile>): string {
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-'));
  for (const [path, file] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, typeof file === 'string' ? file : file.text);
    if (typeof file !== 'string') chmodSync(full, file.mode);
  }
  return dir;
}

export interface Graded {
  report: GradeReport;
  grade: (id: string) => ExerciseGrade;
}

/**
 * Grades a submission made of `files` against the fixture course on real
 * private servers, with the product's learner connection; `timeoutSeconds`
 * is short so hostile answers cost little.
 */
export async function gradeFiles(
  files: Record<string, SubmissionFile>,
  options: Partial<Omit<GradeSubmissionOptions, 'course' | 'submissionDir' | 'submissionLabel'>> & { course?: Course } = {},
): Promise<Graded> {
  const dir = writeSubmission(files);
  const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-claims-'));
  try {
    const report = await gradeSubmission({
      timeoutMs: 2_000,
      jobs: 1,
      env: { PATH: process.env.PATH ?? '' },
      connectLearner: connectRespLearner,
      handleSignals: false,
      ownershipFile: join(scratch, 'claims.json'),
      ...options,
      course: options.course ?? (await loadFixtureCourse()),
      submissionDir: dir,
      submissionLabel: 'submission',
    });
    return {
      report,
      grade(id) {
        const found = report.modules.flatMap((module) => module.exercises).find((exercise) => exercise.id === id);
        if (!found) throw new Error(`no grade for ${id} in the report`);
        return found;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
