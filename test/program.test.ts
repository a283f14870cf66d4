import { describe, expect, it } from 'vitest';
import { runProgram } from '../src/program.js';
import { captureIo } from './support/capture-io.js';
import { packageVersion } from '../src/version.js';

describe('the redis-tutor program', () => {
  it('prints its version', async () => {
    const io = captureIo();
    expect(await runProgram(['--version'], io)).toBe(0);
    expect(io.stdoutText()).toBe(`${packageVersion()}\n`);
  });

  it('lists every subcommand in --help', async () => {
    const io = captureIo();
    expect(await runProgram(['--help'], io)).toBe(0);
    for (const name of ['start', 'list', 'show', 'cli', 'grade', 'validate', 'doctor']) {
      expect(io.stdoutText()).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
  });

  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['--bogus'], /unknown option '--bogus'/],
    [['show'], /missing required argument 'id'/],
    [['cli', '--nonsense'], /unknown option '--nonsense'/],
  ])('%j prints the reason and the help, exit 2', async (argv, reason) => {
    const io = captureIo();
    expect(await runProgram(argv, io)).toBe(2);
    expect(io.stderrText()).toMatch(reason);
    expect(io.stderrText()).toMatch(/^Usage: redis-tutor/m);
    expect(io.stderrText()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('prints the help and exits 2 when no command is given', async () => {
    const io = captureIo();
    expect(await runProgram([], io)).toBe(2);
    expect(io.stderrText()).toMatch(/^Usage: redis-tutor/);
  });
});
