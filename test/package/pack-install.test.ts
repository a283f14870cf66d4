import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/**
 * The package as a user gets it: `npm pack`, installed globally into a clean
 * prefix without dev dependencies, run through its bin. Deps come from npm's
 * cache (--prefer-offline), so this works without a network once `npm ci` ran.
 */
describe('the packed tarball', () => {
  let work: string;
  let bin: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'redis-tutor-pack-'));
    execFileSync('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: root, stdio: 'pipe' });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error('npm pack produced no tarball');
    const prefix = join(work, 'prefix');
    execFileSync(
      'npm',
      ['install', '--global', '--prefix', prefix, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', join(work, tarball)],
      { cwd: work, stdio: 'pipe' },
    );
    bin = join(prefix, 'bin', 'redis-tutor');
  }, 180_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = (args: string[]) =>
    execFileSync(bin, args, { cwd: work, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

  it('runs --version from the installed bin', () => {
    expect(run(['--version']).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('installs no dev dependencies', () => {
    const installed = readdirSync(join(work, 'prefix', 'lib', 'node_modules', 'redis-tutor', 'node_modules'));
    for (const devOnly of ['vitest', 'typescript', 'node-pty', 'ink-testing-library', '@xterm']) {
      expect(installed).not.toContain(devOnly);
    }
  });

  it('answers a command through the private redis-server', () => {
    expect(execFileSync(bin, ['cli'], { cwd: work, input: 'ping\necho "a b"\n', encoding: 'utf8' })).toBe('PONG\na b\n');
  });
});
