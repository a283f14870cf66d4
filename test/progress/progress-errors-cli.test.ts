import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileApp, repoRoot, type CompiledApp } from '../e2e/support/compile-app.js';
import { waitUntil } from '../support/wait-until.js';

/*
 * `redis-tutor start` and `list`, run as the real program in their own
 * processes (start in a pseudo-terminal, which it insists on), when the
 * progress file cannot be used: one line saying what is wrong, one with the
 * next step, exit 2 — never a stack trace.
 *
 * The read-only folder is a real one (mode 555). Root ignores directory
 * permissions through two capabilities, so when the suite runs as root (CI)
 * the program runs without them (setpriv drops them from the bounding set)
 * and the folder is read-only for it as for any learner. (Running it as
 * `nobody` instead would fail wherever the checkout itself is private.)
 */
const require = createRequire(import.meta.url);
const pty = require('node-pty') as typeof import('node-pty');

/** `node ARGS` as a learner's process: as root, without the capabilities that ignore file permissions. */
function asLearner(args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [process.execPath, args];
  return ['setpriv', ['--bounding-set', '-dac_override,-dac_read_search', '--', process.execPath, ...args]];
}
const COURSE = join(repoRoot, 'test', 'fixtures', 'course-basic');

let app: CompiledApp;
let scratch: string;
beforeAll(() => {
  app = compileApp();
  // Readable by `nobody` too (mkdtemp makes it private).
  chmodSync(dirname(app.entry), 0o755);
  scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-progress-cli-'));
  chmodSync(scratch, 0o755);
}, 180_000);
afterAll(() => {
  app.remove();
  chmodAll(scratch);
  rmSync(scratch, { recursive: true, force: true });
});

function env(home: string): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: scratch, LANG: 'en_US.UTF-8', TERM: 'xterm-256color', REDIS_TUTOR_HOME: home, REDIS_TUTOR_EXERCISES: COURSE };
}

function list(home: string): { code: number | null; output: string } {
  const result = spawnSync(...asLearner([app.entry, 'list']), { cwd: scratch, env: env(home), encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

/** `start` in a pseudo-terminal; resolves with its exit code and everything it printed. */
async function start(home: string): Promise<{ code: number | null; output: string }> {
  const child = pty.spawn(...asLearner([app.entry, 'start']), { name: 'xterm-256color', cols: 120, rows: 30, cwd: scratch, env: env(home) });
  let output = '';
  let code: number | undefined;
  child.onData((data) => (output += data));
  child.onExit(({ exitCode }) => (code = exitCode));
  try {
    await waitUntil(() => code !== undefined, '`redis-tutor start` to exit');
  } finally {
    if (code === undefined) child.kill('SIGKILL');
  }
  return { code: code ?? null, output };
}

/** What the person reads: what is wrong and the next step, nothing else, exit 2. */
function expectOneClearLine(result: { code: number | null; output: string }, refusal: string, nextStep: string): void {
  // eslint-disable-next-line no-control-regex -- a terminal's escape sequences are stripped on purpose
  const lines = result.output.replace(/\x1b\[[0-9;?]*[a-zA-Z]/g, '').split(/\r?\n/).map((line) => line.trimEnd()).filter((line) => line !== '');
  expect(lines, result.output).toEqual([`redis-tutor: ${refusal}`, nextStep]);
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.code).toBe(2);
}

/** A folder the learner cannot write to, holding a progress file that is not JSON. */
function readOnlyFolderWithCorruptFile(name: string): { home: string; file: string } {
  const home = join(scratch, name);
  mkdirSync(home);
  const file = join(home, 'progress.json');
  writeFileSync(file, '{"formatVersion": 2, "exercises": {"getting-started/first-key": {"sta');
  chmodSync(file, 0o644);
  chmodSync(home, 0o555);
  return { home, file };
}

function chmodAll(directory: string): void {
  chmodSync(directory, 0o755);
  for (const entry of readdirSync(directory, { withFileTypes: true })) if (entry.isDirectory()) chmodAll(join(directory, entry.name));
}

describe('REDIS_TUTOR_HOME pointing at a file', () => {
  const homeFile = () => {
    const file = join(scratch, `home-file-${Math.random().toString(36).slice(2)}`);
    writeFileSync(file, 'not a folder');
    return file;
  };
  const nextStep = 'Point REDIS_TUTOR_HOME at a folder (it is created if missing), or move that file away.';

  it('list: one clear line, exit 2', () => {
    const home = homeFile();
    expectOneClearLine(list(home), `cannot read your progress file: ${home} is a file, not a folder.`, nextStep);
  });

  it('start: one clear line, exit 2', async () => {
    const home = homeFile();
    expectOneClearLine(await start(home), `cannot read your progress file: ${home} is a file, not a folder.`, nextStep);
  });
});

describe('a corrupt progress file in a read-only folder', () => {
  it('start: it cannot be moved aside, so the tutor stops with one clear line, exit 2, and leaves the file alone', async () => {
    const { home, file } = readOnlyFolderWithCorruptFile('ro-start');
    const before = readFileSync(file, 'utf8');
    const result = await start(home);
    const reason = /cannot be read \((.+)\), and it could not be moved aside/.exec(result.output)?.[1] ?? '(no reason found)';
    expectOneClearLine(
      result,
      `your progress file ${file} cannot be read (${reason}), and it could not be moved aside: permission denied in ${home}.`,
      'Move or delete it yourself, or run `redis-tutor start --fresh` to practise without saving.',
    );
    expect(readdirSync(home)).toEqual(['progress.json']);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('list: it does not pretend nothing is solved; one clear line, exit 2', () => {
    const { home, file } = readOnlyFolderWithCorruptFile('ro-list');
    const result = list(home);
    const reason = /cannot be read \((.+)\)\./.exec(result.output)?.[1] ?? '(no reason found)';
    expectOneClearLine(result, `your progress file ${file} cannot be read (${reason}).`, '`redis-tutor start` moves it aside and starts you fresh; or fix or delete it yourself.');
    expect(readdirSync(home)).toEqual(['progress.json']);
  });
});

describe('a progress file from a newer redis-tutor', () => {
  it('list and start refuse to misread it, and neither moves it away', async () => {
    const home = join(scratch, 'newer');
    mkdirSync(home);
    chmodSync(home, 0o777);
    const file = join(home, 'progress.json');
    writeFileSync(file, '{"formatVersion": 99, "exercises": {}}');
    const refusal = `your progress file ${file} was written by a newer redis-tutor (format 99).`;
    const nextStep = 'Upgrade redis-tutor (npm install -g redis-tutor@latest), or point REDIS_TUTOR_HOME at another folder.';
    expectOneClearLine(list(home), refusal, nextStep);
    expectOneClearLine(await start(home), refusal, nextStep);
    expect(readdirSync(home)).toEqual(['progress.json']);
  });
});
