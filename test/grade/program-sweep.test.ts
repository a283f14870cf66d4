import { describe, expect, it } from 'vitest';
import type { LoadedExercise } from '../../src/course/schema.js';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { stringMatching } from '../support/matchers.js';
import { gradeFiles } from './support/grade-fixture.js';
import { bundledCourse, realInterpreters } from './support/real-clients.js';
import { javascriptReplay, pythonReplay, solutionCommands } from './support/replay-programs.js';

/**
 * Every exercise of the bundled course whose checks a program can satisfy,
 * answered by a real redis-py and a real ioredis program (the typed
 * solution replayed, ./support/replay-programs.ts), graded as `grade` does.
 * The exercises no program can pass are named with why.
 */
const LEARNERS_CONNECTION = "a check reads the state of the tutor's own learner connection in CLIENT LIST (name=redis-tutor:learner), which a program's connections are not, and which is gone when the checks run";
const NO_PROGRAM_CAN_PASS: Record<string, string> = {
  'monitoring/monitor': `${LEARNERS_CONNECTION}: flags=O (in MONITOR)`,
  'security-acl/whoami': `${LEARNERS_CONNECTION}: user=support`,
  'network-security/app-user': `${LEARNERS_CONNECTION}: user=shop-web`,
  'network-security/password-rotation': `${LEARNERS_CONNECTION}: user=billing`,
  'client-side-caching/hello-resp3': `${LEARNERS_CONNECTION}: resp=3`,
  'client-side-caching/tracking-on': `${LEARNERS_CONNECTION}: flags t, resp=3`,
  'client-side-caching/bcast-prefix': `${LEARNERS_CONNECTION}: flags t and B, resp=3`,
  'client-side-caching/optin-caching': `${LEARNERS_CONNECTION}: flags t, resp=3`,
};

function isTypedExercise(exercise: LoadedExercise): boolean {
  // Program exercises (starters and solutions per language) are graded with their own solutions; the
  // production labs (`topology:`) move between nodes with `connect NODE`, which a replayed program
  // with one REDIS_URL cannot (test/engine/topology/production-lab.test.ts grades their typed answers).
  return exercise.program === undefined && exercise.topology === undefined && solutionCommands(exercise).length > 0;
}

function failures(grade: ExerciseGrade): string {
  const checks = grade.checks.filter((check) => !check.passed).map((check) => `${check.description.en}: expected ${check.expected?.en ?? '?'}, found ${check.found?.en ?? check.error?.en ?? '?'}`);
  return [grade.status === 'skipped' ? `skipped: ${grade.skipReason ?? ''}` : undefined, grade.problem?.message, ...checks].filter(Boolean).join('; ');
}

describe.each([
  ['python', '.py', pythonReplay],
  ['javascript', '.mjs', javascriptReplay],
] as const)('every exercise answered by a %s program', (_language, extension, replay) => {
  it('passes, but for the ones no program can pass', async () => {
    const course = await bundledCourse();
    const exercises = course.modules.flatMap((module) => module.exercises).filter(isTypedExercise);
    const files = Object.fromEntries(exercises.map((exercise) => [`${exercise.moduleId}/${exercise.localId}${extension}`, replay(solutionCommands(exercise))]));
    const graded = await gradeFiles(files, { course, timeoutMs: 10_000, jobs: 2, interpreters: await realInterpreters() });
    const outcomes = exercises.map((exercise) => graded.grade(exercise.id));
    const notPassed = Object.fromEntries(outcomes.filter((grade) => grade.status !== 'passed' && grade.status !== 'skipped').map((grade) => [grade.id, failures(grade)]));
    // Each one fails on the check that reads the learner's connection, and on nothing else.
    const expected = Object.fromEntries(Object.keys(NO_PROGRAM_CAN_PASS).map((id) => [id, stringMatching(/name=redis-tutor:learner/)]));
    expect(notPassed).toEqual(expected);
  }, 600_000);
});
