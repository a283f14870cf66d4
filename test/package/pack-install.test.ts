import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathWithRedisPy } from '../support/python-with-redis.js';

const root = resolve(import.meta.dirname, '../..');

/**
 * The package as a user gets it: `npm pack`, installed globally into a clean
 * prefix without dev dependencies (--prefer-offline: npm's cache first; `npm ci`
 * caches tarballs but not the registry's package documents that an install
 * from a tarball resolves its ranges with), then run through its bin from a
 * folder that is not the repository.
 */
describe('the packed tarball, installed without dev dependencies', () => {
  let work: string;
  let bin: string;
  let home: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'redis-tutor-pack-'));
    // `npm test` built dist/ already; a second build here (npm pack's prepare) would rewrite dist/ under
    // the feet of other test files running the bin at the same time.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    const prefix = join(work, 'prefix');
    execFileSync(
      'npm',
      ['install', '--global', '--prefix', prefix, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)],
      { cwd: work, stdio: 'pipe' },
    );
    bin = join(prefix, 'bin', 'redis-tutor');
    home = join(work, 'home');
    // The example submission is the teacher's, not part of the package: copy it out of the repository.
    cpSync(join(root, 'examples', 'submission'), join(work, 'submission'), { recursive: true });
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = (args: string[], input?: string) =>
    spawnSync(bin, args, {
      cwd: work,
      encoding: 'utf8',
      input,
      // A python3 with redis-py first: the program exercises' Python solutions run too.
      env: { PATH: pathWithRedisPy(), HOME: home, REDIS_TUTOR_HOME: home, LANG: 'C.UTF-8' },
    });

  it('runs --version from the installed bin', () => {
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('installs no dev dependencies, and typescript, which loads teachers’ checks/*.ts', () => {
    const installed = readdirSync(join(work, 'prefix', 'lib', 'node_modules', 'redis-tutor', 'node_modules'));
    for (const devOnly of ['vitest', 'node-pty', 'ink-testing-library', '@xterm']) {
      expect(installed).not.toContain(devOnly);
    }
    expect(installed).toContain('typescript');
  });

  it('answers commands through the private redis-server', () => {
    expect(run(['cli'], 'ping\necho "a b"\n').stdout).toBe('PONG\na b\n');
  });

  it('lists the bundled course and shows an exercise', () => {
    const list = run(['list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/getting-started\/hello-redis/);
    expect(list.stdout).toMatch(/persistence\/restart/);
    const show = run(['show', 'streams/xadd', '--lang', 'ru']);
    expect(show.status).toBe(0);
    expect(show.stdout).toMatch(/XADD/);
    expect(show.stdout).toMatch(/[а-я]{4,}/);
  });

  it('validates every bundled exercise against a real Redis', () => {
    const validate = run(['validate', '--solutions']);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toMatch(/^(\d+) exercises: \1 passed, 0 failed$/m);
    expect(validate.status).toBe(0);
  }, 300_000);

  it('grades the example submission with its known results', () => {
    const grade = run(['grade', 'submission', '--reporter', 'json']);
    expect(grade.status).toBe(1);
    const report = JSON.parse(grade.stdout) as { score: { passed: number; failed: number } };
    expect(report.score).toMatchObject({ passed: 4, failed: 2 });
  }, 120_000);
});
