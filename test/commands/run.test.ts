import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathWithRedisPy, pythonWithRedisPy } from '../support/python-with-redis.js';

/*
 * `redis-tutor run` through the built bin, as a learner runs it from a
 * terminal beside their editor: real python3 with redis-py, this Node with
 * ioredis, a real private redis-server per run.
 */
const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin', 'redis-tutor.js');
const course = join(root, 'test', 'fixtures', 'course-programs');
const programs = join(course, '01-basics', 'programs', 'counter');
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let env: NodeJS.ProcessEnv;
beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'commands', 'run.js'))) throw new Error('dist/ has no run command: build first with `npm run build`.');
  env = { PATH: pathWithRedisPy(), REDIS_TUTOR_HOME: join(scratch, 'home'), REDIS_TUTOR_EXERCISES: course, LANG: 'C.UTF-8' };
});

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return tutor(['run', ...args], extraEnv);
}

function tutor(args: string[], extraEnv: NodeJS.ProcessEnv = {}, cwd = scratch): Promise<Ran> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { env: { ...env, ...extraEnv }, cwd, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      done({ code, stdout, stderr });
    });
  });
}

describe('redis-tutor run: the workspace file', () => {
  const workspace = join(scratch, 'workspace-python');
  const file = join(workspace, 'basics', 'counter.py');

  it('makes the file from the starter on the first run, runs it, shows its output and the checklist, exit 1', async () => {
    const result = await run(['basics/counter', '--workspace', workspace]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(programs, 'starter.py'), 'utf8'));
    expect(result.stdout).toContain(`Your program: ${file} (python)\nMade from the starter just now`);
    expect(result.stdout).toMatch(/^Running it once on a clean sandbox: private redis-server/m);
    expect(result.stdout).toContain('Output\nruns so far: 4\n');
    expect(result.stdout).toContain('  ✗ runs is 5\n      expected: "5"\n      found:    "4"');
    expect(result.stdout).toContain('  ✗ It printed the new count\n      expected: output containing "runs now: 5"');
    expect(result.stdout).toContain('Not solved yet: 0 of 3 checks pass.\nChange the program and run again: redis-tutor run basics/counter');
  });

  it('never overwrites the file after: the learner\'s edit runs, exit 0 when solved', async () => {
    const edited = `${readFileSync(join(programs, 'solution.py'), 'utf8')}# my own comment\n`;
    writeFileSync(file, edited);
    const result = await run(['basics/counter', '--workspace', workspace]);
    expect(result.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(result.stdout).not.toContain('Made from the starter');
    expect(result.stdout).toContain('runs now: 5');
    expect(result.stdout).toContain('  ✓ runs is 5\n  ✓ Counted with INCR\n  ✓ It printed the new count');
    expect(result.stdout).toContain('Solved: every check passes.');
  });

  it('takes the workspace from REDIS_TUTOR_WORKSPACE, and JavaScript with --in', async () => {
    const fromEnv = join(scratch, 'workspace-env');
    const first = await run(['basics/counter', '--in', 'javascript'], { REDIS_TUTOR_WORKSPACE: fromEnv });
    expect(first.code).toBe(1);
    const mjs = join(fromEnv, 'basics', 'counter.mjs');
    expect(readFileSync(mjs, 'utf8')).toBe(readFileSync(join(programs, 'starter.mjs'), 'utf8'));
    expect(first.stdout).toContain(`Your program: ${mjs} (javascript)`);
    expect(first.stdout).toContain('runs so far: 4');

    writeFileSync(mjs, readFileSync(join(programs, 'solution.mjs'), 'utf8'));
    // Without --in, the file changed last is the one the learner works on.
    const second = await run(['basics/counter'], { REDIS_TUTOR_WORKSPACE: fromEnv });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`Your program: ${mjs} (javascript)`);
    expect(second.stdout).toContain('runs now: 5');
  });

  it('prints the checks in Russian with --lang ru', async () => {
    const result = await run(['basics/counter', '--workspace', workspace, '--lang', 'ru']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Ваша программа:');
    expect(result.stdout).toContain('  ✓ runs равен 5');
    expect(result.stdout).toContain('Решено: все проверки пройдены.');
  });
});

describe('redis-tutor run FILE', () => {
  it('runs a file of the learner\'s own anywhere, against a typed exercise too', async () => {
    const own = join(scratch, 'greeting.py');
    writeFileSync(own, 'import os\nimport redis\nredis.Redis.from_url(os.environ["REDIS_URL"]).set("greeting", "hello")\nprint("done")\n');
    const result = await run(['basics/typed', own]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Your program: ${own} (python)`);
    expect(result.stdout).toContain('  ✓ greeting is hello');
  });

  it('exit 1 with the output and the exit code when the program crashes', async () => {
    const crashing = join(scratch, 'crash.mjs');
    writeFileSync(crashing, "console.log('before');\nthrow new Error('my bug');\n");
    const result = await run(['basics/counter', crashing]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('before');
    expect(result.stdout).toContain('Error: my bug');
    expect(result.stdout).toContain('(exit code 1)');
    expect(result.stdout).toContain('the program exited with code 1');
  });
});

describe('redis-tutor run: interpreters and limits', () => {
  it('--python names the Python that runs the file, whatever python3 on PATH is', async () => {
    const own = join(scratch, 'counter-own.py');
    writeFileSync(own, readFileSync(join(programs, 'solution.py'), 'utf8'));
    const result = await run(['basics/counter', own, '--python', pythonWithRedisPy()], { PATH: process.env.PATH ?? '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('runs now: 5');
  });

  it('--timeout stops a program that does not end: exit 1, and says so', async () => {
    const endless = join(scratch, 'endless.mjs');
    writeFileSync(endless, "console.log('working');\nsetInterval(() => {}, 1000);\n");
    const result = await run(['basics/counter', endless, '--timeout', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('working');
    expect(result.stdout).toContain('the answer did not finish within 1 s');
  });
});

describe('redis-tutor run: usage and environment errors are exit 2 with a next step', () => {
  it.each([
    ['an unknown exercise', ['basics/countr'], /unknown exercise "basics\/countr"/, /Did you mean basics\/counter\?/],
    ['a typed exercise without FILE', ['basics/typed'], /basics\/typed is solved at the prompt, not with a program/, /redis-tutor start --exercise basics\/typed/],
    ['a FILE that does not exist', ['basics/counter', 'nope.py'], /cannot run .*nope\.py: ENOENT/, /Check the path/],
    ['an unknown --in', ['basics/counter', '--in', 'ruby'], /--in takes python or javascript, not "ruby"/, /--in javascript/],
    ['no exercise at all', [], /missing required argument 'id'/, /Usage: redis-tutor run/],
  ])('%s', async (_name, args, message, nextStep) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(nextStep);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('a program whose module is not installed: its output, then what to install', async () => {
    const own = join(scratch, 'needs-module.py');
    writeFileSync(own, 'import redis_tutor_no_such_module\n');
    const result = await run(['basics/counter', own]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("ModuleNotFoundError: No module named 'redis_tutor_no_such_module'");
    expect(result.stdout).toMatch(/The program could not run: .*redis_tutor_no_such_module/);
  });

  it('no redis-server to run on', async () => {
    const result = await run(['basics/counter', '--workspace', join(scratch, 'workspace-no-server')], { PATH: '/nonexistent' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/redis-server/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('redis-tutor show: a program exercise', () => {
  it('names the workspace file, made on the first show and kept after, and how to run it', async () => {
    const workspace = join(scratch, 'workspace-show');
    const file = join(workspace, 'basics', 'counter.py');
    const first = await tutor(['show', 'basics/counter', '--workspace', workspace]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `Your program\n  ${file} (python, just made from the starter)\n  Edit it in your editor, then run and check it: redis-tutor run basics/counter\n  In JavaScript instead: redis-tutor run basics/counter --in javascript\n`,
    );
    writeFileSync(file, '# mine\n');
    const again = await tutor(['show', 'basics/counter', '--workspace', workspace]);
    expect(again.stdout).toContain(`  ${file} (python)\n`);
    expect(readFileSync(file, 'utf8')).toBe('# mine\n');
  });

  it('says nothing of a program for a typed exercise', async () => {
    const result = await tutor(['show', 'basics/typed', '--workspace', join(scratch, 'workspace-typed')]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Your program');
    expect(existsSync(join(scratch, 'workspace-typed'))).toBe(false);
  });
});
