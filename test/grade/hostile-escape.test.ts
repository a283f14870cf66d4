import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTAINMENT_ENV, CONTAINMENT_MODES, probeContainment, type ContainmentMode } from '../../src/programs/containment-mode.js';
import { escapeToken, processesWith } from '../programs/support/escapees.js';
import { compileForChild, type CompiledTree } from '../redis/support/compile-for-child.js';
import { waitUntil } from '../support/wait-until.js';
import { FIXTURE_COURSE_DIR, gradeFiles, writeSubmission } from './support/grade-fixture.js';

/*
 * Program answers that try to outlive `grade`: a setsid child and a double
 * fork that would write a file (say, over the report) seconds after grading
 * ends, and a grader killed with SIGKILL while an answer runs. In every
 * containment mode this machine has, nothing an answer started is left
 * once grade returns, or soon after the grader is killed, and the file is
 * never written. The escapees carry a token in their command line: a pid an
 * answer writes from inside a PID namespace is not one this test can look up.
 */
const available = CONTAINMENT_MODES.filter((mode) => typeof probeContainment(mode) !== 'string');

let scratch: string;
let tree: CompiledTree;
const children: ChildProcess[] = [];
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-escape-'));
  tree = compileForChild(['src', 'test/programs/fixtures']);
}, 60_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tree.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** Waits for the test to release it ($OUT.release), then writes $OUT: only a process still alive then could. */
const WRITE_WHEN_RELEASED = 'while [ ! -e "$1.release" ]; do sleep 0.05; done; echo pwned > "$1"';

/** Starts the writer above out of reach: setsid, then a double fork. */
function escapingShell(token: string): string {
  return [
    `setsid sh -c '${WRITE_WHEN_RELEASED}' ${token} "$OUT" &`,
    `( sh -c '${WRITE_WHEN_RELEASED}' ${token} "$OUT" & ) &`,
    'touch "$STARTED"',
    '',
  ].join('\n');
}

/** The same from Python: os.setsid() in the grandchild of a double fork, then exec. */
function escapingPython(token: string): string {
  return [
    'import os, sys',
    'if os.fork() == 0:',
    '    if os.fork() == 0:',
    '        os.setsid()',
    `        os.execvp('sh', ['sh', '-c', '${WRITE_WHEN_RELEASED}', '${token}', os.environ['OUT']])`,
    '    os._exit(0)',
    'os.wait()',
    "open(os.environ['STARTED'] + '.py', 'w').close()",
    'sys.exit(1)',
    '',
  ].join('\n');
}

describe.each(available)('in %s mode', (mode: ContainmentMode) => {
  beforeEach(() => {
    vi.stubEnv(CONTAINMENT_ENV, mode);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('what a setsid or double-forking answer started is gone when grade returns, and never writes', async () => {
    const token = escapeToken();
    const out = join(scratch, `${token}.out`);
    const started = join(scratch, `${token}.started`);
    const graded = await gradeFiles(
      { 'basics/counter.sh': `${escapingShell(token)}exit 1\n`, 'basics/greeting.py': escapingPython(token) },
      { env: { PATH: process.env.PATH ?? '', OUT: out, STARTED: started }, passEnv: ['OUT', 'STARTED'] },
    );
    expect(graded.grade('basics/counter').problem).toMatchObject({ code: 'exit-code' });
    expect(graded.grade('basics/greeting').problem).toMatchObject({ code: 'exit-code' });
    expect(existsSync(started)).toBe(true);
    expect(existsSync(`${started}.py`)).toBe(true);
    // Not polled: the report is made only once every process of every answer is gone.
    expect(processesWith(token)).toEqual([]);
    writeFileSync(`${out}.release`, '');
    expect(existsSync(out)).toBe(false);
  });

  it('kill -9 of the grader while an answer runs: the answer and everything it started are gone soon after', async () => {
    const token = escapeToken();
    const out = join(scratch, `${token}.out`);
    const started = join(scratch, `${token}.started`);
    const dir = writeSubmission({ 'basics/counter.sh': `${escapingShell(token)}sh -c 'sleep 60; :' ${token} &\nwait\n` });
    const home = mkdtempSync(join(tmpdir(), 'redis-tutor-escape-home-'));
    const grader = spawn(process.execPath, [tree.pathOf('test/programs/fixtures/grade-private.ts'), dir, FIXTURE_COURSE_DIR], {
      // TMPDIR: the killed grader cannot remove what it made there (the answer's home, the server's folder is its guard's).
      env: { PATH: process.env.PATH ?? '', REDIS_TUTOR_HOME: home, TMPDIR: home, [CONTAINMENT_ENV]: mode, OUT: out, STARTED: started },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(grader);
    let stderr = '';
    grader.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise((resolve) => grader.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await waitUntil(
        () => processesWith(token).length === 3 || (grader.exitCode !== null && Promise.reject(new Error(`the grader ended early: ${stderr}`))),
        'the answer and its escapees to run',
        30_000,
      );
      grader.kill('SIGKILL');
      expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
      await waitUntil(() => processesWith(token).length === 0, 'every process the answer started to be gone', 30_000);
      writeFileSync(`${out}.release`, '');
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    }
  });
});
