import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { parsePassEnv, programEnv } from '../../src/programs/program-env.js';
import { runProgram } from '../../src/programs/run-program.js';

const SANDBOX = { host: '127.0.0.1', port: 7001, db: 3, tls: false };
const GRADER_ENV = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  LANG: 'ru_RU.UTF-8',
  HOME: '/home/teacher',
  SECRET_TOKEN: 's3cr3t-value',
  GITHUB_TOKEN: 'ghs_abc',
  AWS_SECRET_ACCESS_KEY: 'aws-secret',
  NODE_AUTH_TOKEN: 'npm-secret',
  PYTHONPATH: '/opt/teacher/lib',
};

describe('programEnv: what a program answer gets', () => {
  it('PATH, LANG and the sandbox (REDIS_URL with the database, REDIS_HOST, REDIS_PORT, REDIS_DB), nothing else of the grader', () => {
    expect(programEnv(GRADER_ENV, SANDBOX)).toEqual({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      LANG: 'ru_RU.UTF-8',
      REDIS_URL: 'redis://127.0.0.1:7001/3',
      REDIS_HOST: '127.0.0.1',
      REDIS_PORT: '7001',
      REDIS_DB: '3',
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
    });
  });

  it('passes the variables the teacher names, and only those that are set', () => {
    const env = programEnv(GRADER_ENV, SANDBOX, ['PYTHONPATH', 'NOT_SET_ANYWHERE']);
    expect(env.PYTHONPATH).toBe('/opt/teacher/lib');
    expect('NOT_SET_ANYWHERE' in env).toBe(false);
    expect(env.SECRET_TOKEN).toBeUndefined();
  });

  it('credentials of a --url sandbox are in REDIS_URL and, for REDIS_HOST users, REDIS_USERNAME / REDIS_PASSWORD', () => {
    const env = programEnv(GRADER_ENV, { ...SANDBOX, username: 'learner', password: 'p@ss' });
    expect(env.REDIS_URL).toBe('redis://learner:p%40ss@127.0.0.1:7001/3');
    expect(env.REDIS_USERNAME).toBe('learner');
    expect(env.REDIS_PASSWORD).toBe('p@ss');
  });

  it('a grader without PATH still gives programs a usable one', () => {
    expect(programEnv({}, SANDBOX).PATH).toMatch(/\/usr\/bin/);
  });
});

describe('parsePassEnv: --pass-env NAME', () => {
  it('takes one name or several', () => {
    expect(parsePassEnv(undefined)).toEqual([]);
    expect(parsePassEnv('PYTHONPATH')).toEqual(['PYTHONPATH']);
    expect(parsePassEnv(['PYTHONPATH', 'NODE_PATH'])).toEqual(['PYTHONPATH', 'NODE_PATH']);
  });

  it.each([
    ['a name that is no variable name', 'MY-VAR'],
    ['an assignment', 'TOKEN=abc'],
    ['a variable the grader sets itself', 'REDIS_URL'],
    ['HOME, which is a throwaway folder', 'HOME'],
  ])('refuses %s with the next step', (_what, name) => {
    let thrown: unknown;
    try {
      parsePassEnv([name]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as UserError).message).not.toContain('\n');
    expect((thrown as UserError).nextStep).toMatch(/--pass-env/);
  });
});

describe('runProgram: HOME is a throwaway folder', () => {
  it('exists, is empty and writable while the program runs, and is gone afterwards', async () => {
    const run = await runProgram({
      program: { command: 'sh', args: ['-c', 'echo "home=$HOME"; ls -A "$HOME" | wc -l; touch "$HOME/.cache-file" && echo wrote'], missingHint: 'sh' },
      cwd: process.cwd(),
      env: programEnv({ PATH: process.env.PATH, HOME: '/home/teacher' }, SANDBOX),
      timeoutMs: 10_000,
      outputLimitBytes: 1_000_000,
      keepBytes: 10_000,
      handleSignals: false,
    });
    expect(run.outcome).toBe('exited');
    const home = /^home=(.*)$/m.exec(run.output)?.[1] ?? '';
    expect(home).not.toBe('');
    expect(home).not.toBe('/home/teacher');
    expect(run.output).toMatch(/^\s*0$/m);
    expect(run.output).toContain('wrote');
    expect(existsSync(home)).toBe(false);
  });

  it('leaves nothing behind in the temporary folder when the program could not start', async () => {
    // A temporary folder of its own: other test files run programs (and make homes) in the shared one meanwhile.
    const own = mkdtempSync(join(tmpdir(), 'redis-tutor-env-tmp-'));
    vi.stubEnv('TMPDIR', own);
    try {
      const run = await runProgram({
        program: { command: '/nonexistent/interpreter', args: [], missingHint: 'missing' },
        cwd: process.cwd(),
        env: programEnv({ PATH: process.env.PATH }, SANDBOX),
        timeoutMs: 10_000,
        outputLimitBytes: 1_000_000,
        keepBytes: 10_000,
        handleSignals: false,
      });
      expect(run.outcome).toBe('could-not-run');
      expect(readdirSync(tmpdirOf())).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
      rmSync(own, { recursive: true, force: true });
    }
  });
});

function tmpdirOf(): string {
  return tmpdir();
}
