import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverSubmission } from '../../src/grade/discover-submission.js';
import { stringMatching } from '../support/matchers.js';
import { loadFixtureCourse, writeSubmission, type SubmissionFile } from './support/grade-fixture.js';

async function discover(files: Record<string, SubmissionFile>, prepare?: (dir: string) => void) {
  const dir = writeSubmission(files);
  try {
    prepare?.(dir);
    return await discoverSubmission(dir, await loadFixtureCourse());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('discoverSubmission: which file answers which exercise', () => {
  it.each([
    ['a .redis file', 'basics/counter.redis', 'redis'],
    ['a Python program', 'basics/counter.py', 'program'],
    ['a JavaScript program', 'basics/counter.js', 'program'],
    ['an ES module', 'basics/counter.mjs', 'program'],
    ['a TypeScript program', 'basics/counter.ts', 'program'],
    ['a shell script', 'basics/counter.sh', 'program'],
  ])('%s answers its exercise', async (_name, path, kind) => {
    const submission = await discover({ [path]: '' });
    expect(submission.answers.get('basics/counter')).toEqual([{ path, absolutePath: stringMatching(/counter/), kind }]);
    expect(submission.unmatched).toEqual([]);
  });

  it('an executable of any other kind answers too; the same file not executable does not', async () => {
    const executable = await discover({ 'basics/counter': { text: '#!/bin/sh\n', mode: 0o755 }, 'basics/greeting.rb': { text: '', mode: 0o755 } });
    expect([...executable.answers.keys()]).toEqual(['basics/counter', 'basics/greeting']);
    const plain = await discover({ 'basics/counter': '#!/bin/sh\n' });
    expect(plain.answers.size).toBe(0);
    expect(plain.unmatched).toEqual([expect.objectContaining({ path: 'basics/counter', kind: 'not-an-answer' })]);
  });

  it.each([
    ['a file beside the modules', 'notes.txt', { path: 'notes.txt', kind: 'outside-module' }],
    ['an answer-like file at the top', 'counter.redis', { path: 'counter.redis', kind: 'outside-module' }],
    ['an unknown module', 'basic/counter.redis', { path: 'basic/', kind: 'unknown-module', suggestion: 'basics/' }],
    ["the course's numbered folder name", '01-basics/counter.redis', { path: '01-basics/', kind: 'unknown-module', suggestion: 'basics/' }],
    ['a misspelt exercise', 'basics/countr.redis', { path: 'basics/countr.redis', kind: 'unknown-exercise', suggestion: 'basics/counter.redis' }],
    ["the course's numbered file name", 'basics/01-counter.py', { path: 'basics/01-counter.py', kind: 'unknown-exercise', suggestion: 'basics/counter.py' }],
    ['a file that is no answer', 'basics/counter.txt', { path: 'basics/counter.txt', kind: 'not-an-answer' }],
    ['a folder inside a module', 'basics/lib/helper.py', { path: 'basics/lib/', kind: 'folder' }],
  ])('%s is reported, not ignored', async (_name, path, expected) => {
    const submission = await discover({ [path]: '' });
    expect(submission.answers.size).toBe(0);
    expect(submission.unmatched).toEqual([expect.objectContaining(expected)]);
  });

  it('skips hidden entries and tooling folders', async () => {
    const submission = await discover({ '.github/workflows/grade.yml': '', '.gitignore': '', 'basics/.hidden.redis': '', 'node_modules/x/index.js': '', 'basics/__pycache__/x.pyc': '' });
    expect(submission.unmatched).toEqual([]);
    expect(submission.answers.size).toBe(0);
  });

  it('keeps every file of an exercise answered twice', async () => {
    const submission = await discover({ 'basics/counter.redis': '', 'basics/counter.py': '' });
    expect(submission.answers.get('basics/counter')?.map((file) => file.path)).toEqual(['basics/counter.py', 'basics/counter.redis']);
  });

  it('follows a symbolic link to an answer', async () => {
    const submission = await discover({ 'shared/counter.redis': 'INCR views:home\n' }, (dir) => {
      mkdirSync(join(dir, 'basics'));
      symlinkSync(join(dir, 'shared/counter.redis'), join(dir, 'basics/counter.redis'));
    });
    expect(submission.answers.get('basics/counter')?.[0]?.kind).toBe('redis');
  });

  it.each([
    ['a folder that does not exist', '/nonexistent/submission', /does not exist/],
    ['a file instead of a folder', '/etc/hostname', /not a folder/],
  ])('%s is a usage error', async (_name, dir, message) => {
    await expect(discoverSubmission(dir, await loadFixtureCourse())).rejects.toMatchObject({ kind: 'user', message });
  });
});
