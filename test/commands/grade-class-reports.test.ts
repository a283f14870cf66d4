import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * The teacher's files of class mode through the built bin, on real private
 * redis-servers: three students answer an assignment of three exercises;
 * alice and bob hand in the same set-and-get, bob's written in lower case
 * with a comment.
 */
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'redis-tutor.js');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-grade-class-reports-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', REDIS_TUTOR_HOME: join(scratch, 'home'), LANG: 'C.UTF-8' };

const HELLO_RIGHT = 'PING\nSET greeting "Hello, Redis!"\n';
const HELLO_WRONG = 'SET greeting "Hello"\n';
const SET_AND_GET_RIGHT = 'GET shop:name\nSET shop:name:backup "Corner Shop"\nSET shop:name "Redis Shop"\n';
const SET_AND_GET_COPIED = '# my own work\nget shop:name\n\nset  shop:name:backup "Corner Shop"\nset shop:name "Redis Shop"\n';
/** Reads and renames but never backs up: 2 of its 3 checks pass. */
const SET_AND_GET_HALF = 'GET shop:name\nSET shop:name "Redis Shop"\n';
const DEL_RIGHT = 'EXISTS cart:guest:1 cart:guest:2 cart:guest:3\nDEL cart:guest:1 cart:guest:2 cart:guest:3\n';

const ASSIGNMENT = ['title: Week 1', 'exercises:', '  - getting-started/hello-redis', '  - getting-started/set-and-get', '  - getting-started/del-and-exists', ''].join('\n');

function student(name: string, answers: Record<string, string>): void {
  const dir = join(scratch, 'class', name, 'getting-started');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(answers)) writeFileSync(join(dir, file), text);
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'grade', 'class-reports.js'))) throw new Error('dist/ has no class reports: build first with `npm run build`.');
  writeFileSync(join(scratch, 'week1.yaml'), ASSIGNMENT);
  student('alice', { 'hello-redis.redis': HELLO_RIGHT, 'set-and-get.redis': SET_AND_GET_RIGHT, 'del-and-exists.redis': DEL_RIGHT });
  student('bob', { 'hello-redis.redis': HELLO_RIGHT, 'set-and-get.redis': SET_AND_GET_COPIED });
  student('carol', { 'hello-redis.redis': HELLO_WRONG, 'set-and-get.redis': SET_AND_GET_HALF, 'del-and-exists.redis': DEL_RIGHT });
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tutor(args: string[]): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env, cwd: scratch, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ code, stdout, stderr });
    });
  });
}

const read = (dir: string, name: string) => readFileSync(join(scratch, dir, name), 'utf8');

describe('redis-tutor grade --class --output-dir: the teacher\'s files', () => {
  let ran: Ran;
  beforeAll(async () => {
    ran = await tutor(['grade', '--class', 'class', '--assignment', 'week1.yaml', '--output-dir', 'out', '--jobs', '2']);
  }, 120_000);

  it('exits 0: every student was graded', () => {
    expect(ran.code, ran.stderr).toBe(0);
  });

  it('the gradebook CSV counts passed, failed and missing per student', () => {
    expect(read('out', 'gradebook.csv').split('\r\n').map((line) => line.split(',').slice(-3).join(','))).toEqual(['passed,failed,missing', '3,0,0', '2,0,1', '1,2,0', '']);
  });

  it('the class summary: the most failed first, with what the server had', () => {
    expect(read('out', 'class-summary.md')).toBe(CLASS_SUMMARY);
  });

  it('a feedback file per student', () => {
    expect(read('out', 'alice.feedback.md')).toBe(ALICE_FEEDBACK);
    expect(read('out', 'carol.feedback.md')).toBe(CAROL_FEEDBACK);
    expect(read('out', 'bob.feedback.md')).toContain('- · **Checking and deleting keys** (`getting-started/del-and-exists`): not submitted\n');
  });

  it('similar answers: alice and bob\'s set-and-get, not the short answers all alike', () => {
    expect(read('out', 'similar-answers.md')).toMatch(/\n\n## `getting-started\/set-and-get`\n\n- alice and bob \(3 lines\)\n$/);
    expect(read('out', 'similar-answers.md')).toContain('This is not a verdict');
  });

  it('in Russian with --lang ru', async () => {
    const russian = await tutor(['grade', '--class', 'class', '--assignment', 'week1.yaml', '--output-dir', 'out-ru', '--lang', 'ru']);
    expect(russian.code, russian.stderr).toBe(0);
    expect(read('out-ru', 'alice.feedback.md')).toMatch(/^# Отзыв: alice\n\n\*\*Week 1\*\*\n\n- Итог: 3\/3\n/);
    expect(read('out-ru', 'class-summary.md')).toMatch(/^# Сводка по группе\n/);
    expect(read('out-ru', 'similar-answers.md')).toContain('- alice и bob (строк: 3)');
  }, 120_000);
});

const CLASS_SUMMARY = [
  '# Class summary',
  '',
  '3 students graded; the exercises most failed first.',
  '',
  '| Exercise | Passed | Failed | Not submitted |',
  '| --- | ---: | ---: | ---: |',
  '| `getting-started/hello-redis` | 2 | 1 | 0 |',
  '| `getting-started/set-and-get` | 2 | 1 | 0 |',
  '| `getting-started/del-and-exists` | 2 | 0 | 1 |',
  '',
  '## `getting-started/hello-redis` — Hello, Redis',
  '',
  '- The connection was checked with PING: failed by 1',
  '  - found: PING not used (1)',
  '- greeting holds "Hello, Redis!": failed by 1',
  '  - found: "Hello" (1)',
  '',
  '## `getting-started/set-and-get` — Reading and writing a key',
  '',
  '- shop:name:backup holds the old name: failed by 1',
  '  - found: the key does not exist (1)',
  '',
].join('\n');
const ALICE_FEEDBACK = [
  '# Feedback for alice',
  '',
  '**Week 1**',
  '',
  '- Score: 3/3',
  '- 3 passed, 0 failed, 0 not submitted',
  '- Points: 3/3',
  '',
  '## Exercises',
  '',
  '- ✓ **Hello, Redis** (`getting-started/hello-redis`): passed',
  '- ✓ **Reading and writing a key** (`getting-started/set-and-get`): passed',
  '- ✓ **Checking and deleting keys** (`getting-started/del-and-exists`): passed',
  '',
].join('\n');
const CAROL_FEEDBACK = [
  '# Feedback for carol',
  '',
  '**Week 1**',
  '',
  '- Score: 1/3',
  '- 1 passed, 2 failed, 0 not submitted',
  '- Points: 1/3',
  '',
  '## Exercises',
  '',
  '- ✗ **Hello, Redis** (`getting-started/hello-redis`): failed',
  '  - ✗ The connection was checked with PING',
  '    - expected: you use PING',
  '    - found: PING not used',
  '  - ✗ greeting holds "Hello, Redis!"',
  '    - expected: "Hello, Redis!"',
  '    - found: "Hello"',
  '- ✗ **Reading and writing a key** (`getting-started/set-and-get`): failed',
  '  - ✗ shop:name:backup holds the old name',
  '    - expected: "Corner Shop"',
  '    - found: the key does not exist',
  '- ✓ **Checking and deleting keys** (`getting-started/del-and-exists`): passed',
  '',
].join('\n');
