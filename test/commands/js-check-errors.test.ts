import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, repoRoot, runBin } from '../support/run-bin.js';

/*
 * A course author's js checks that cannot run — one does not parse, one
 * throws — through the built bin, where the checks are imported by Node
 * itself: validate and grade both say the check file, line and column and
 * the error, and nothing of the tutor's own code.
 */
const COURSE = join(repoRoot, 'test/fixtures/course-js-errors');
const SYNTAX = "checks/syntax.js:4:28: SyntaxError: Unexpected token ';'";
const THROWS = "checks/throws.js:4:16: TypeError: Cannot read properties of undefined (reading 'rank') (in rankOf)";

let work: string;
beforeAll(() => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'redis-tutor-js-check-errors-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const tutor = (args: string[]) => runBin(args, { cwd: work, home: join(work, 'home') });

describe('js checks that cannot run', () => {
  it('validate (no Redis) points at the syntax error in the check file', async () => {
    const run = await tutor(['validate', COURSE]);
    expect(run.stdout).toContain(`test/fixtures/course-js-errors/01-scores/checks/syntax.js:4:28: SyntaxError: Unexpected token ';' (the js check of scores/syntax, checks[0])`);
    expect(run.code).toBe(1);
  });

  it('validate --solutions says where each check failed', async () => {
    const run = await tutor(['validate', COURSE, '--solutions']);
    expect(run.stdout).toContain(`check 1 "score:ann is 10" could not run: ${SYNTAX}`);
    expect(run.stdout).toContain(`check 1 "score:bob is 10" could not run: ${THROWS}`);
    expect(run.stdout).not.toMatch(/dist\/|node:internal/);
  });

  it('grade says the same to the student', async () => {
    const answers = join(work, 'answers', 'scores');
    mkdirSync(answers, { recursive: true });
    writeFileSync(join(answers, 'syntax.redis'), 'SET score:ann 10\n');
    writeFileSync(join(answers, 'throws.redis'), 'SET score:bob 10\n');
    const run = await tutor(['grade', 'answers', '--course', COURSE]);
    expect(run.stdout).toContain(`could not check: ${SYNTAX}`);
    expect(run.stdout).toContain(`could not check: ${THROWS}`);
    expect(run.code).toBe(1);
  });
});
