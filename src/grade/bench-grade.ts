import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledCourseDir, loadCourse } from '../course/load.js';
import { connectRespLearner } from '../engine/default-learner.js';
import { DEFAULT_TIMEOUT_SECONDS, gradeSubmission } from './grade-submission.js';
import { writeReferenceSubmission } from './reference-submission.js';

export interface GradeBenchResult {
  jobs: number;
  exercises: number;
  passed: number;
  /** Ids of reference solutions that did not pass (content to fix). */
  failed: string[];
  /** Wall time of grading, servers started and stopped included; loading the course not. */
  ms: number;
}

/**
 * Grades every reference solution of the bundled course as a student's
 * submission, for `npm run bench` (the figure: under 10 s with one
 * job on a 2-core machine).
 */
export async function benchGradeReferenceSolutions(options: { jobs: number; env?: NodeJS.ProcessEnv; courseDir?: string }): Promise<GradeBenchResult> {
  const { course } = await loadCourse(options.courseDir ?? bundledCourseDir());
  const dir = mkdtempSync(join(tmpdir(), 'redis-tutor-bench-grade-'));
  try {
    const exercises = await writeReferenceSubmission(course, dir);
    const started = performance.now();
    const report = await gradeSubmission({
      course,
      submissionDir: dir,
      submissionLabel: 'reference solutions',
      timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
      jobs: options.jobs,
      env: options.env ?? process.env,
      connectLearner: connectRespLearner,
      handleSignals: true,
    });
    const grades = report.modules.flatMap((module) => module.exercises);
    return {
      jobs: options.jobs,
      exercises,
      passed: report.score.passed,
      failed: grades.filter((grade) => grade.status !== 'passed').map((grade) => grade.id),
      ms: performance.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
