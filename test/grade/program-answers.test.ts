import { describe, expect, it } from 'vitest';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { gradeFiles } from './support/grade-fixture.js';
import { bundledCourse, fixtureAnswer, realInterpreters } from './support/real-clients.js';

/** Real redis-py and ioredis programs graded against the bundled course, as `grade` runs them. */

const TIMEOUT_MS = 10_000;

async function gradeFixture(language: 'python' | 'javascript', name: string): Promise<ExerciseGrade> {
  const { exerciseId, files } = fixtureAnswer(language, name);
  const graded = await gradeFiles(files, { course: await bundledCourse(), exerciseId, timeoutMs: TIMEOUT_MS, interpreters: await realInterpreters() });
  return graded.grade(exerciseId);
}

function summary(grade: ExerciseGrade) {
  return {
    status: grade.status,
    problem: grade.problem?.message,
    failing: grade.checks.filter((check) => !check.passed).map((check) => ({ check: check.description.en, expected: check.expected?.en, found: check.found?.en })),
  };
}

const PASSED = { status: 'passed', problem: undefined, failing: [] };

describe.each(['python', 'javascript'] as const)('%s answers with the real client library', (language) => {
  const file = (base: string, esm = true) => (language === 'python' ? `${base}.py` : `${base}${esm ? '.esm' : ''}.js`);

  it('a worker that waits in BRPOP for the shop (the actor pushes once it is blocked), stopped while it waits for more', async () => {
    const grade = await gradeFixture(language, file('queues--brpop-wait', false));
    expect(summary(grade)).toEqual(PASSED);
    expect(grade.output?.text).toContain('sending welcome:42');
  });

  it('a listener that subscribes and never stops by itself: the tutor publishes once it is subscribed, and it is stopped while it listens', async () => {
    const grade = await gradeFixture(language, file('pubsub--subscribe'));
    expect(summary(grade)).toEqual(PASSED);
    expect(grade.output?.text).toContain('chat:general Hi from the tutor');
  });

  it('a WATCH retry loop whose MULTI and EXEC go in one write: the actor after MULTI acts between them, EXEC fails, the loop retries', async () => {
    const grade = await gradeFixture(language, file('transactions-lua--watch'));
    expect(summary(grade)).toEqual(PASSED);
    expect(grade.output?.text).toMatch(/the balance changed: retry\npaid, balance 120/);
  });

  it('an answer named queue.py (lists/queue), which must not shadow the module its client library imports', async () => {
    const grade = await gradeFixture(language, file('lists--queue'));
    expect(summary(grade)).toEqual(PASSED);
    expect(grade.output?.text).toBe('sent welcome:1\nsent welcome:2\n');
  });
});

describe('admin commands, which MONITOR never shows, count for used checks', () => {
  it('Python: CONFIG SET and SLOWLOG GET (monitoring/slowlog-get)', async () => {
    expect(summary(await gradeFixture('python', 'monitoring--slowlog-get.py'))).toEqual(PASSED);
  });

  it('JavaScript: CONFIG GET with the argument the check names (memory-encodings/set-intset)', async () => {
    expect(summary(await gradeFixture('javascript', 'memory-encodings--set-intset.esm.js'))).toEqual(PASSED);
  });
});
