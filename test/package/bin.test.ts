import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/version.js';

const bin = join(resolve(import.meta.dirname, '../..'), 'bin', 'redis-tutor.js');

describe('bin/redis-tutor.js', () => {
  it.each([['--version'], ['-V']])('%s prints the package version', (flag) => {
    const result = spawnSync(process.execPath, [bin, flag], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${packageVersion()}\n`);
  });

  it('hands everything else to the program', () => {
    const result = spawnSync(process.execPath, [bin, '--bogus'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--bogus'/);
  });
});
