import { spawnSync } from 'node:child_process';
import type { Interpreters } from '../../programs/interpreters.js';
import type { ProgramCommand } from '../../programs/program-command.js';
import { programEnv } from '../../programs/program-env.js';
import { runProgram } from '../../programs/run-program.js';
import { ioredisPreloadUrl } from '../../programs/tutor-ioredis.js';
import type { ConnectionSpec } from '../../redis/target.js';

export type TestFramework = 'pytest' | 'unittest' | 'node --test';

/** The student's own unit tests, run in their folder against a clean sandbox (REDIS_URL). */
export interface StudentTestsRun {
  framework: TestFramework;
  passed: number;
  failed: number;
  /** Why the run says nothing about the tests (it timed out, could not start). */
  problem?: string;
  /** The end of what the run printed. */
  output: string;
}

export interface StudentTestsSettings {
  interpreters: Interpreters;
  env: NodeJS.ProcessEnv;
  passEnv?: readonly string[];
  sandbox: ConnectionSpec;
  timeoutMs: number;
  handleSignals: boolean;
}

const KEEP_BYTES = 4 * 1024;
const OUTPUT_LIMIT_BYTES = 1024 * 1024;

/**
 * Runs the tests with the framework the language has: pytest when the
 * Python has it (it also runs unittest classes), else `python -m unittest
 * discover`; `node --test` with the TAP reporter, whose counts read the
 * same on every Node version. Contained like every program of a student.
 */
export async function runStudentTests(dir: string, language: 'python' | 'javascript', settings: StudentTestsSettings): Promise<StudentTestsRun> {
  const framework: TestFramework = language === 'javascript' ? 'node --test' : hasPytest(settings.interpreters.python) ? 'pytest' : 'unittest';
  const run = await runProgram({
    program: testCommand(framework, settings.interpreters),
    cwd: dir,
    env: programEnv(settings.env, settings.sandbox, settings.passEnv),
    timeoutMs: settings.timeoutMs,
    outputLimitBytes: OUTPUT_LIMIT_BYTES,
    keepBytes: KEEP_BYTES,
    handleSignals: settings.handleSignals,
  });
  const counts = countTests(framework, run.output);
  const problem =
    run.outcome === 'timeout'
      ? `the tests did not finish within ${settings.timeoutMs / 1000} s`
      : run.outcome === 'could-not-run'
        ? `the tests could not start: ${run.error ?? 'unknown reason'}`
        : run.outcome === 'output-limit'
          ? 'the tests printed too much'
          : undefined;
  return { framework, ...counts, ...(problem !== undefined ? { problem } : {}), output: run.output };
}

function testCommand(framework: TestFramework, interpreters: Interpreters): ProgramCommand {
  if (framework === 'node --test') {
    return { command: interpreters.node, args: ['--import', ioredisPreloadUrl(), '--test', '--test-reporter=tap'], missingHint: `${interpreters.node} was not found`, language: 'javascript' };
  }
  const args = framework === 'pytest' ? ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'] : ['-m', 'unittest', 'discover', '-v'];
  return { command: interpreters.python, args, missingHint: `${interpreters.python} was not found (choose a Python with --python PATH)`, language: 'python' };
}

function hasPytest(python: string): boolean {
  return spawnSync(python, ['-c', 'import pytest'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
}

/** Pure: passed and failed tests from the framework's summary. */
export function countTests(framework: TestFramework, output: string): { passed: number; failed: number } {
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? 0);
  if (framework === 'node --test') return { passed: number(/^# pass (\d+)/m), failed: number(/^# fail (\d+)/m) };
  if (framework === 'pytest') return { passed: number(/(\d+) passed/), failed: number(/(\d+) failed/) + number(/(\d+) errors?\b/) };
  const ran = number(/^Ran (\d+) tests?/m);
  const failed = number(/failures=(\d+)/) + number(/errors=(\d+)/);
  return { passed: Math.max(0, ran - failed), failed };
}
