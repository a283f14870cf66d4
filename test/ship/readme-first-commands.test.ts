import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait-until.js';

const require = createRequire(import.meta.url);
const pty = require('node-pty') as typeof import('node-pty');

const root = resolve(import.meta.dirname, '../..');

/** The commands of a README's first ```sh block: comments dropped, `a && b` as two commands in order. */
function firstShellCommands(readme: string): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  if (block === undefined) throw new Error('the README has no ```sh block');
  return block
    .split('\n')
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '')
    .flatMap((line) => line.split('&&').map((command) => command.trim()));
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command as a newcomer's shell runs it, stdin not a terminal; npm takes its cache first (CI has one from its own npm ci). */
function runInShell(command: string, cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * The README's first commands, followed literally on a fresh clone of this
 * repository: what they are comes from README.md, how to tell that each
 * worked is known here. A command this test does not know fails it, so the
 * README cannot start with something nobody checked.
 */
describe('the first commands of README.md, on a fresh clone', () => {
  let work: string;
  let clone: string;
  let commands: string[];
  let home: string;
  const followed = new Map<string, Ran>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'redis-tutor-readme-'));
    clone = join(work, 'redis-tutor');
    home = join(work, 'home');
    mkdirSync(home);
    const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
    if (cloned.status !== 0) throw new Error(`git clone failed: ${cloned.stderr}`);
    commands = firstShellCommands(readFileSync(join(clone, 'README.md'), 'utf8'));
    // The person's HOME stays (npm's cache and settings live there); the tutor keeps its progress in a scratch folder.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? home, REDIS_TUTOR_HOME: home, LANG: 'C.UTF-8' };
    // In order, as a shell would; `npm test` is the suite this test belongs to, so it is checked, not run (see below).
    for (const command of commands) {
      if (command === 'npm test') continue;
      followed.set(command, await runInShell(command, clone, env));
    }
  }, 900_000);

  // Removing a clone with its node_modules can take a minute on a loaded machine.
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  }, 300_000);

  it('are the ones this test knows how to check, in both READMEs', () => {
    expect(commands).toEqual(['npm ci', 'npx redis-tutor start', 'npm test']);
    expect(firstShellCommands(readFileSync(join(clone, 'README.ru.md'), 'utf8'))).toEqual(commands);
  });

  it('npm ci installs and builds the tutor (prepare writes dist/)', () => {
    const ran = followed.get('npm ci');
    expect(ran?.code, ran?.stderr).toBe(0);
    expect(spawnSync(process.execPath, [join(clone, 'bin', 'redis-tutor.js'), '--version'], { encoding: 'utf8' }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('npx redis-tutor start, without a terminal, says it needs one and exits 2', () => {
    const ran = followed.get('npx redis-tutor start');
    expect(ran?.stderr).toContain('redis-tutor start needs an interactive terminal');
    expect(ran?.code).toBe(2);
  });

  it('npx redis-tutor start, in a terminal with no redis-server and no Docker, says what to install and exits 2', async () => {
    // A PATH with node, npx and sh (npx runs the bin through it) only: no redis-server, no docker (here /usr/bin has redis-server).
    const bin = join(work, 'bin');
    mkdirSync(bin, { recursive: true });
    symlinkSync(process.execPath, join(bin, 'node'));
    symlinkSync(spawnSync('sh', ['-c', 'command -v npx'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'npx'));
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const start = commands.find((command) => command.startsWith('npx redis-tutor start')) ?? 'npx redis-tutor start';
    const child = pty.spawn('/bin/sh', ['-c', start], {
      name: 'xterm-256color',
      cols: 120,
      rows: 40,
      cwd: clone,
      env: { PATH: bin, HOME: process.env.HOME ?? home, REDIS_TUTOR_HOME: home, LANG: 'C.UTF-8', TERM: 'xterm-256color', npm_config_prefer_offline: 'true' },
    });
    let output = '';
    let exitCode: number | undefined;
    child.onData((data) => (output += data));
    child.onExit(({ exitCode: code }) => (exitCode = code));
    try {
      const code = await waitUntil(() => exitCode, 'npx redis-tutor start to exit', 60_000);
      expect(output).toContain('redis-tutor needs a Redis and found none');
      expect(output).toContain('sudo apt-get install -y redis-server');
      expect(output).toMatch(/docker compose -f \S+docker-compose\.yml up -d/);
      expect(code).toBe(2);
    } finally {
      if (exitCode === undefined) child.kill();
    }
  }, 90_000);

  it('npm test is the suite this test belongs to: its script is there (running it here would run this test again)', () => {
    const manifest = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(manifest.scripts?.['test']).toMatch(/vitest run/);
  });
});

