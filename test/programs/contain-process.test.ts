import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnvironmentError } from '../../src/errors.js';
import { containmentInUse } from '../../src/programs/contain-process.js';
import { CONTAINMENT_ENV, CONTAINMENT_MODES, probeContainment, type ContainmentMode } from '../../src/programs/containment-mode.js';
import { ownCgroupDir } from '../../src/programs/cgroup-v2.js';
import { runProgram, type RunProgramOptions } from '../../src/programs/run-program.js';
import { waitUntil } from '../support/wait-until.js';
import { escapeToken, processesWith } from './support/escapees.js';

/*
 * Every containment mode this machine has, forced in turn: what a program
 * answer sees (status, output, could-not-run) is the same in each, and
 * nothing it starts — setsid, a double fork, a child that ignores SIGTERM —
 * is left when runProgram resolves, after an exit or a timeout.
 */
const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-contain-'));
// The programs' throwaway homes go to this file's own folder, not the temporary folder other test files watch.
const savedTmpdir = process.env.TMPDIR;
process.env.TMPDIR = scratch;
afterAll(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(scratch, { recursive: true, force: true });
});

const available = CONTAINMENT_MODES.filter((mode) => typeof probeContainment(mode) !== 'string');

function run(program: RunProgramOptions['program'], timeoutMs = 15_000) {
  return runProgram({
    program,
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    timeoutMs,
    outputLimitBytes: 1_000_000,
    keepBytes: 10_000,
    handleSignals: false,
  });
}
const sh = (script: string, ...args: string[]) => ({ command: 'sh', args: ['-c', script, 'answer', ...args], missingHint: 'sh is missing' });

it('the process-tree mode works everywhere, and Linux as root here has the stronger ones too', () => {
  expect(available).toContain('process-tree');
  if (process.platform === 'linux' && process.getuid?.() === 0) expect(available).toContain('pid-namespace');
});

describe.each(available)('in %s mode', (mode: ContainmentMode) => {
  beforeEach(() => {
    vi.stubEnv(CONTAINMENT_ENV, mode);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is the mode in use', () => {
    expect(containmentInUse()).toBe(mode);
  });

  it("keeps the program's output and exit code", async () => {
    const result = await run(sh('echo out; echo err >&2; exit 3'));
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 3, signal: null });
    expect(result.output).toContain('out\n');
    expect(result.output).toContain('err\n');
  });

  it('says which signal ended the program', async () => {
    // A fault: the kernel delivers it even to a namespace's init, which ignores signals it sends itself.
    const result = await run({ command: 'python3', args: ['-c', 'import ctypes; ctypes.string_at(0)'], missingHint: 'python3' });
    expect(result).toMatchObject({ outcome: 'exited', exitCode: null, signal: 'SIGSEGV' });
  });

  it('a missing interpreter and a file that is not executable could not run, as without containment', async () => {
    const missing = await run({ command: 'no-such-interpreter-here', args: [], missingHint: 'the interpreter is missing' });
    expect(missing).toMatchObject({ outcome: 'could-not-run', error: 'the interpreter is missing' });
    const file = join(scratch, `not-executable-${mode}`);
    writeFileSync(file, 'echo hi\n');
    chmodSync(file, 0o644);
    expect(await run({ command: file, args: [], missingHint: 'x' })).toMatchObject({ outcome: 'could-not-run', error: 'the file is not executable' });
  });

  it('the program gets the environment it was given, nothing of the containment (but the process-tree marker)', async () => {
    const result = await run({ command: 'env', args: [], missingHint: 'env' });
    const names = result.output
      .trim()
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('=')))
      .sort();
    expect(names).toEqual(['HOME', 'PATH', ...(mode === 'process-tree' ? ['REDIS_TUTOR_ANSWER'] : [])]);
  });

  it('a setsid child and a double fork are gone when the run resolves, before they could write', async () => {
    const token = escapeToken();
    const out = join(scratch, `${token}.out`);
    const started = join(scratch, `${token}.started`);
    const result = await run(
      sh(
        [
          // They write only once the test releases them (after the run resolved): only one still alive could.
          `setsid sh -c 'while [ ! -e "$1.release" ]; do sleep 0.05; done; echo pwned > "$1"' ${token} "$1" &`,
          `( sh -c 'while [ ! -e "$1.release" ]; do sleep 0.05; done; echo pwned > "$1"' ${token} "$1" & ) &`,
          'touch "$2"',
          'exit 1',
        ].join('\n'),
        out,
        started,
      ),
    );
    expect(result).toMatchObject({ outcome: 'exited', exitCode: 1 });
    expect(existsSync(started)).toBe(true);
    expect(processesWith(token)).toEqual([]);
    writeFileSync(`${out}.release`, '');
    expect(existsSync(out)).toBe(false);
  });

  it('on the timeout, the program and what ignores SIGTERM in its own session are gone', async () => {
    const token = escapeToken();
    const started = join(scratch, `${token}.started`);
    // `; :` keeps each sh (and the token in its command line) from being replaced by sleep.
    const answer = sh(`setsid sh -c 'trap "" TERM HUP; sleep 60; :' ${token} &\nsh -c 'sleep 60; :' ${token} &\ntouch "$1"\nwait`, started);
    const result = await run(answer, 1_000);
    expect(result.outcome).toBe('timeout');
    expect(existsSync(started)).toBe(true);
    expect(processesWith(token)).toEqual([]);
  });
});

describe('cgroup mode', () => {
  beforeEach(() => {
    // Never skipped: CI runs as root with cgroup v2, where answers are contained this way.
    const why = probeContainment('cgroup');
    if (typeof why === 'string') throw new Error(`cgroup containment is not available here (${why}); run the suite as root on Linux with cgroup v2, as CI does.`);
    vi.stubEnv(CONTAINMENT_ENV, 'cgroup');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('the answer cannot move itself out of its cgroup, nor remount the cgroup file system', async () => {
    const parent = ownCgroupDir() ?? '';
    const result = await run(sh(`echo $$ > "${parent}/cgroup.procs" && echo moved; mount -o remount,rw "${parent}" && echo remounted; cat /proc/self/cgroup`));
    expect(result.output).not.toContain('moved');
    expect(result.output).not.toContain('remounted');
    expect(result.output).toMatch(/^0::.*redis-tutor-answer-/m);
  });

  it('leaves no cgroup behind', async () => {
    const parent = ownCgroupDir() ?? '';
    await run(sh('setsid sleep 30 & exit 0'));
    await waitUntil(() => !readdirSync(parent).some((name) => name.startsWith(`redis-tutor-answer-${process.pid}-`)), 'the answer cgroups to be removed');
  });
});

describe('choosing a mode', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('an unknown mode named in REDIS_TUTOR_CONTAINMENT is refused with the modes there are', async () => {
    vi.stubEnv(CONTAINMENT_ENV, 'chroot');
    await expect(run(sh('true'))).rejects.toThrow(EnvironmentError);
    await expect(run(sh('true'))).rejects.toThrow(/chroot is not a containment mode/);
  });
});
