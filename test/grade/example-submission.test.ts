import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runGrade } from '../../src/commands/grade.js';
import type { GradeReport } from '../../src/results/report-model.js';

const repositoryRoot = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-example-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The sample submission answers the bundled course; its verdicts are documented in examples/submission/README.md. */
describe('examples/submission is graded with known results', () => {
  let report: GradeReport;

  it('needs python3 for its Python answer', () => {
    expect(() => execFileSync('python3', ['--version'], { stdio: 'pipe' }), 'python3 is not on PATH: install it (apt-get install -y python3)').not.toThrow();
  });

  it('grades every exercise it answers', async () => {
    report = await runGrade({ path: 'examples/submission', cwd: repositoryRoot, env: { PATH: process.env.PATH ?? '' }, handleSignals: false, ownershipFile: join(scratch, 'claims.json') });
    const grades = new Map(report.modules.flatMap((module) => module.exercises).map((grade) => [grade.id, grade.status]));
    expect(Object.fromEntries(['getting-started/hello-redis', 'getting-started/set-and-get', 'getting-started/del-and-exists', 'strings/atomic-ids', 'strings/incrby-decrby', 'hashes/hset-hget', 'queues/list-queue'].map((id) => [id, grades.get(id)]))).toEqual({
      'getting-started/hello-redis': 'passed',
      'getting-started/set-and-get': 'failed',
      'getting-started/del-and-exists': 'not-submitted',
      'strings/atomic-ids': 'passed',
      'strings/incrby-decrby': 'failed',
      'hashes/hset-hget': 'passed',
      'queues/list-queue': 'passed',
    });
    expect(report.score).toMatchObject({ passed: 4, failed: 2, skipped: 0 });
    expect(report.score.notSubmitted).toBe(report.score.total - 6);
  });

  it('says why the wrong answers fail', () => {
    const grade = (id: string) => report.modules.flatMap((module) => module.exercises).find((candidate) => candidate.id === id);
    expect(grade('getting-started/set-and-get')?.checks.filter((check) => !check.passed)).toEqual([
      expect.objectContaining({ expected: { en: '"Corner Shop"', ru: '"Corner Shop"' }, found: { en: 'the key does not exist', ru: 'ключ не существует' } }),
    ]);
    expect(grade('strings/incrby-decrby')?.checks.filter((check) => !check.passed)).toEqual([
      expect.objectContaining({ expected: { en: 'you use DECRBY', ru: 'команда DECRBY' } }),
    ]);
  });

  it('reports the files that answer nothing', () => {
    expect(report.unmatched.map((file) => [file.path, file.kind, file.suggestion])).toEqual([
      ['README.md', 'outside-module', undefined],
      ['strings/append.redis', 'unknown-exercise', 'strings/append-strlen.redis'],
    ]);
  });
});
