import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/commands/grade.js';
import type { ExerciseGrade } from '../../src/results/report-model.js';
import { gradeFiles, writeSubmission } from './support/grade-fixture.js';
import { bundledCourse, fixtureAnswer, pythonWithRedisPy, realInterpreters } from './support/real-clients.js';

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

describe.each(['python', 'javascript'] as const)('%s answers that play the other side themselves fail', (language) => {
  const file = (base: string) => (language === 'python' ? `${base}.fake.py` : `${base}.fake.esm.js`);

  it('a worker that pushes its own job and takes it at once never waits, so the shop never acts', async () => {
    const grade = await gradeFixture(language, file('queues--brpop-wait'));
    expect(summary(grade)).toEqual({
      status: 'failed',
      problem: undefined,
      failing: [{ check: 'The job came from the shop while the worker waited, not from the worker itself', expected: 'the other side acted (blocked)', found: 'it did not: the answer never waited in a blocking command' }],
    });
  });

  it('a listener that publishes the message to itself', async () => {
    const grade = await gradeFixture(language, file('pubsub--subscribe'));
    expect(summary(grade)).toEqual({
      status: 'failed',
      problem: undefined,
      failing: [
        {
          check: "The tutor's message reached you",
          expected: '>= 1 message(s) from the other side received on chat:general',
          found: 'you published to chat:general yourself; the message must come from the other side',
        },
      ],
    });
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

describe('a missing client library is one clear line, never a silent failure', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-bare-python-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** The same Python without its site packages (-S): no redis-py, wherever it was installed. */
  async function pythonWithoutRedisPy(): Promise<string> {
    const bare = join(scratch, 'bare-python');
    writeFileSync(bare, `#!/bin/sh\nexec ${await pythonWithRedisPy()} -S "$@"\n`);
    chmodSync(bare, 0o755);
    return bare;
  }

  it('Python: redis-py is not installed for the interpreter chosen with --python, and how to get it', async () => {
    const bare = await pythonWithoutRedisPy();
    const { exerciseId, files } = fixtureAnswer('python', 'lists--queue.py');
    const dir = writeSubmission(files);
    try {
      const run = { path: dir, cwd: dir, env: { PATH: process.env.PATH ?? '', REDIS_TUTOR_PYTHON: await pythonWithRedisPy() }, exerciseId, handleSignals: false, ownershipFile: join(scratch, 'claims.json') };
      // REDIS_TUTOR_PYTHON names one that has it; --python overrides it with one that has not.
      expect((await runGrade(run)).score).toMatchObject({ passed: 1 });
      const report = await runGrade({ ...run, python: bare });
      const grade = report.modules.flatMap((module) => module.exercises).find((exercise) => exercise.id === exerciseId);
      expect(grade?.problem?.message).toBe(
        `the answer could not be run: redis-py is not installed for ${bare} (pip install redis, or apt-get install python3-redis; or choose a Python that has it with --python PATH)`,
      );
      expect(grade?.output?.text).toContain("ModuleNotFoundError: No module named 'redis'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('JavaScript: a package neither the submission nor the tutor has', async () => {
    const graded = await gradeFiles(
      { 'lists/queue.mjs': "import Queue from 'bullmq';\nconsole.log(Queue);\n" },
      { course: await bundledCourse(), exerciseId: 'lists/queue', timeoutMs: TIMEOUT_MS, interpreters: await realInterpreters() },
    );
    expect(graded.grade('lists/queue').problem?.message).toBe('the answer could not be run: the package bullmq is not installed where the answer can import it (npm install bullmq in the submission folder)');
  });
});
