import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { gradeFiles } from '../grade/support/grade-fixture.js';

/**
 * monitoring/benchmark-in-code graded as `grade` grades a program, with the
 * real redis-benchmark against a real private redis-server: the reference
 * solution passes, and runs that skip the plain or the pipelined benchmark
 * fail on what INFO stats shows, whatever numbers they store.
 */
const MODULE = join(import.meta.dirname, '../../exercises/13-monitoring');
const ID = 'monitoring/benchmark-in-code';
const PIPELINE_CHECK = 'One run waited for every reply and one was pipelined: at least 2000 replies went one by one, yet far fewer writes than commands (INFO stats)';
let dir: string;
let course: Course;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-benchmark-course-'));
  const module = join(dir, '13-monitoring');
  mkdirSync(join(module, 'programs'), { recursive: true });
  cpSync(join(MODULE, 'module.yaml'), join(module, 'module.yaml'));
  cpSync(join(MODULE, '12-benchmark-in-code.yaml'), join(module, '12-benchmark-in-code.yaml'));
  cpSync(join(MODULE, 'programs/benchmark-in-code'), join(module, 'programs/benchmark-in-code'), { recursive: true });
  const loaded = await loadCourse(dir);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  course = loaded.course;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const solution = () => readFileSync(join(MODULE, 'programs/benchmark-in-code/solution.mjs'), 'utf8');

async function graded(program: string) {
  const { grade } = await gradeFiles({ 'monitoring/benchmark-in-code.mjs': program }, { course, timeoutMs: 20_000 });
  const result = grade(ID);
  return { result, verdict: (description: string) => result.checks.find((check) => check.description.en === description)?.passed };
}

describe('the redis-benchmark exercise', () => {
  it('passes the solution, which prints both -q SET lines', async () => {
    const { result } = await graded(solution());
    expect(result.status, JSON.stringify(result.checks)).toBe('passed');
    expect(result.output?.text.match(/^SET: [\d.]+ requests per second, p50=[\d.]+ msec$/gm)).toHaveLength(2);
  });

  it('fails two pipelined runs: no reply went one by one', async () => {
    const { result, verdict } = await graded(solution().replace("const plain = bench();", "const plain = bench('-P', '16');"));
    expect(result.status).toBe('failed');
    expect(verdict(PIPELINE_CHECK)).toBe(false);
    expect(verdict('Two runs of 2000 SET and 2000 GET each reached the server (INFO commandstats)')).toBe(true);
  });

  it('fails two runs without -P: as many writes as commands', async () => {
    const { result, verdict } = await graded(solution().replace("bench('-P', '16')", 'bench()'));
    expect(result.status).toBe('failed');
    expect(verdict(PIPELINE_CHECK)).toBe(false);
  });
});
