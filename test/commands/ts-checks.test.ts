import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot, runBin } from '../support/run-bin.js';

/*
 * A teacher's checks in TypeScript (checks/*.ts), through the built bin on
 * Node 20, which cannot run TypeScript itself: one passes (it imports a
 * helper as './expected.js' and types from redis-tutor/check-api), one does
 * not parse, one throws. Errors name the .ts file, line and column, as the
 * JavaScript ones do (./js-check-errors.test.ts).
 */
const COURSE = join(repoRoot, 'test/fixtures/course-ts-checks');
const SYNTAX = 'checks/syntax.ts:4:28: SyntaxError: Expression expected.';
const THROWS = "checks/throws.ts:6:27: TypeError: Cannot read properties of undefined (reading 'rank') (in rankOf)";

let work: string;
beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'redis-tutor-ts-checks-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const tutor = (args: string[]) => runBin(args, { cwd: work, home: join(work, 'home') });

describe('checks in TypeScript', () => {
  it('validate (no Redis) points at the syntax error in the .ts file', async () => {
    const run = await tutor(['validate', COURSE]);
    expect(run.stdout).toContain('test/fixtures/course-ts-checks/01-ranks/checks/syntax.ts:4:28: SyntaxError: Expression expected. (the js check of ranks/syntax, checks[0])');
    expect(run.stdout).not.toMatch(/typed\.ts|expected\.ts|throws\.ts/);
    expect(run.code).toBe(1);
  });

  it('validate --solutions runs them: the typed one passes, the others say where', async () => {
    const run = await tutor(['validate', COURSE, '--solutions']);
    expect(run.stdout).toMatch(/^ok {3}ranks\/typed /m);
    expect(run.stdout).toContain(`check 1 "score:bob is 10" could not run: ${SYNTAX}`);
    expect(run.stdout).toContain(`check 1 "score:cy is 10" could not run: ${THROWS}`);
    expect(run.stdout).not.toMatch(/dist\/|node:internal/);
  });

  it('grade runs them on a student\'s answers', async () => {
    const answers = join(work, 'answers', 'ranks');
    mkdirSync(answers, { recursive: true });
    writeFileSync(join(answers, 'typed.redis'), 'SET score:ann 10\n');
    writeFileSync(join(answers, 'throws.redis'), 'SET score:cy 10\n');
    const right = await tutor(['grade', 'answers', '--course', COURSE, '--exercise', 'typed']);
    expect(right.stdout).toContain('✓ typed — A typed check');
    expect(right.code).toBe(0);
    writeFileSync(join(answers, 'typed.redis'), 'SET score:ann 9\n');
    const wrong = await tutor(['grade', 'answers', '--course', COURSE]);
    expect(wrong.stdout).toMatch(/✗ score:ann is 10\n\s+expected: 10\n\s+found: +9\n/);
    expect(wrong.stdout).toContain(`could not check: ${THROWS}`);
    expect(wrong.code).toBe(1);
  });
});
