import type { CheckResultData, ExerciseGrade, GradeReport } from '../../../src/results/report-model.js';
import { scoreOf } from '../../../src/results/report-model.js';

/** A failed check that found `found` (English; the Russian text says the same with a prefix so the language shows). */
export function failedCheck(index: number, description: string, expected: string, found: string): CheckResultData {
  return {
    index,
    description: { en: description, ru: `ru ${description}` },
    passed: false,
    expected: { en: expected, ru: `ru ${expected}` },
    found: { en: found, ru: `ru ${found}` },
  };
}

export function passedCheck(index: number, description: string): CheckResultData {
  return { index, description: { en: description, ru: `ru ${description}` }, passed: true };
}

/** An exercise of the module `basics`, its title the exercise id in capitals (Russian: prefixed). */
export function exercise(name: string, status: ExerciseGrade['status'], checks: CheckResultData[] = []): ExerciseGrade {
  return { id: `basics/${name}`, exercise: name, title: { en: name.toUpperCase(), ru: `ru ${name.toUpperCase()}` }, status, checks };
}

/** A report of one module holding these exercises, without an assignment. */
export function reportOf(exercises: ExerciseGrade[]): GradeReport {
  return {
    schemaVersion: 2,
    tool: { name: 'redis-tutor', version: '0.1.0' },
    submission: 'class/x',
    server: 'private redis-server',
    timeoutSeconds: 10,
    jobs: 1,
    durationMs: 100,
    score: scoreOf(exercises),
    modules: [{ id: 'basics', title: { en: 'Basics', ru: 'Основы' }, score: scoreOf(exercises), exercises }],
    unmatched: [],
  };
}
