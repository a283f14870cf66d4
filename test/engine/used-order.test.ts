import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/results/check-result.js';
import { buildTestExercise, named, type CheckInput, type ExerciseInput } from './support/build-exercise.js';
import { startEngineFixture, type EngineFixture } from './support/engine-fixture.js';

let fixture: EngineFixture;
beforeAll(async () => {
  fixture = await startEngineFixture();
});
afterAll(async () => {
  await fixture?.stop();
});

/** Starts a clean attempt, runs the learner's lines, evaluates: the one check's result. */
async function checkAfter(lines: string[], check: ExerciseInput['checks'][number], setup: string[] = []): Promise<CheckResult> {
  const attempt = await fixture.engine.startAttempt(buildTestExercise({ checks: [check], setup }));
  for (const line of lines) expect((await attempt.runLine(line)).problem, line).toBeUndefined();
  const result = await attempt.evaluate();
  return result.checks[0] as CheckResult;
}

describe('used with before: read the old value before the write that replaces it', () => {
  const readFirst = { kind: 'used', commands: [named('GET', { with: ['shop:name'] })], before: [named('SET', { with: ['shop:name'] })] } satisfies CheckInput;
  const setup = ['SET shop:name "Corner Shop"'];

  it('passes when the command comes first', async () => {
    expect(await checkAfter(['GET shop:name', 'SET shop:name:backup "Corner Shop"', 'SET shop:name "Redis Shop"'], readFirst, setup)).toMatchObject({ passed: true });
  });

  it('passes when the bounding command never ran (another check says it is missing)', async () => {
    expect(await checkAfter(['GET shop:name'], readFirst, setup)).toMatchObject({ passed: true });
  });

  it('fails when the command came only after, saying after what', async () => {
    expect(await checkAfter(['SET shop:name "Redis Shop"', 'GET shop:name'], readFirst, setup)).toMatchObject({
      passed: false,
      expected: { en: 'you use GET … shop:name before SET … shop:name', ru: 'команда GET … shop:name до SET … shop:name' },
      found: { en: 'you ran GET shop:name only after SET shop:name "Redis Shop"', ru: 'вы выполнили GET shop:name только после SET shop:name "Redis Shop"' },
    });
  });

  it('an argument that only starts like the bound does not bound (shop:name:backup is not shop:name)', async () => {
    expect(await checkAfter(['SET shop:name:backup x', 'GET shop:name'], readFirst, setup)).toMatchObject({ passed: true });
  });
});

describe('used with after: look at the result after the command that made it', () => {
  const checkAfterWipe = { kind: 'used', commands: [named('DBSIZE')], after: [named('FLUSHALL')] } satisfies CheckInput;

  it('passes when the command follows the last bounding command', async () => {
    expect(await checkAfter(['DBSIZE', 'FLUSHALL', 'DBSIZE'], checkAfterWipe)).toMatchObject({ passed: true });
  });

  it('fails when it ran only before the last one', async () => {
    expect(await checkAfter(['FLUSHALL', 'DBSIZE', 'FLUSHALL'], checkAfterWipe)).toMatchObject({
      passed: false,
      expected: { en: 'you use DBSIZE after FLUSHALL', ru: 'команда DBSIZE после FLUSHALL' },
      found: { en: 'you ran DBSIZE only before FLUSHALL', ru: 'вы выполнили DBSIZE только до FLUSHALL' },
    });
  });

  it('fails as before when the command never ran', async () => {
    expect(await checkAfter(['FLUSHALL'], checkAfterWipe)).toMatchObject({ passed: false, found: { en: 'DBSIZE not used', ru: 'команда DBSIZE не использовалась' } });
  });
});

describe('used with before and after together', () => {
  const between = { kind: 'used', commands: [named('TTL')], after: [named('EXPIRE')], before: [named('PERSIST')] } satisfies CheckInput;
  it.each<[string, string[], boolean]>([
    ['between the two', ['SET s v', 'EXPIRE s 60', 'TTL s', 'PERSIST s'], true],
    ['only before the lower bound', ['SET s v', 'TTL s', 'EXPIRE s 60', 'PERSIST s'], false],
    ['only after the upper bound', ['SET s v', 'EXPIRE s 60', 'PERSIST s', 'TTL s'], false],
  ])('%s → passed: %s', async (_name, lines, passed) => {
    expect(await checkAfter(lines, between)).toMatchObject({ passed });
  });
});
