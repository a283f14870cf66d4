import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTutorApp } from '../e2e/support/tutor-harness.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { startForeignListener, type ForeignKind, type ForeignListener } from './support/foreign-listeners.js';
import { startTlsTestServer, type TlsTestServer } from './support/tls-server.js';

/*
 * A --url that cannot be used ends every command the same way, through the
 * real program: one line saying what is wrong at HOST:PORT, one with the next
 * step, exit 2, never a stack trace (the "Trust" issue, items 6 and 7).
 * start runs in a real pseudo-terminal; grade, validate and doctor as
 * processes; cli must keep redis-cli's own words.
 */
const tutor = useTutorApp();
let plain: TestServer;
let protectedServer: TestServer;
let tls: TlsTestServer | undefined;
const foreign = {} as Record<ForeignKind, ForeignListener>;
let submission: string;

beforeAll(async () => {
  [plain, protectedServer, tls] = await Promise.all([startTestServer(), startTestServer(), startTlsTestServer()]);
  for (const kind of ['http', 'closes', 'silent', 'ssh'] as const) foreign[kind] = await startForeignListener(kind);
  const admin = new Redis({ host: '127.0.0.1', port: plain.port });
  const user = (name: string, ...rules: string[]) => admin.call('ACL', 'SETUSER', name, 'reset', 'on', '>pw', ...rules);
  await user('no-info', '~*', '&*', '+@all', '-info');
  await user('no-setname', '~*', '&*', '+@all', '-client|setname');
  await user('app-keys', '~app:*', '&*', '+@all');
  admin.disconnect();
  const setup = new Redis({ host: '127.0.0.1', port: protectedServer.port });
  await setup.config('SET', 'requirepass', 's3cret');
  setup.disconnect();
  submission = mkdtempSync(join(tmpdir(), 'redis-tutor-url-failures-'));
  mkdirSync(join(submission, 'getting-started'));
  writeFileSync(join(submission, 'getting-started', 'hello-redis.redis'), 'PING\nSET greeting "Hello, Redis!"\n');
});

afterAll(async () => {
  rmSync(submission, { recursive: true, force: true });
  await Promise.all([plain.stop(), protectedServer.stop(), tls?.stop(), ...Object.values(foreign).map((listener) => listener.close())]);
});

type Entry = 'grade' | 'validate' | 'doctor' | 'start';

interface Failure {
  name: string;
  url: () => string;
  /** The line, after "redis-tutor: " (doctor shows it after "✗ Redis URL"). */
  line: RegExp;
  nextStep: RegExp;
  entries: readonly Entry[];
  needsTls?: boolean;
}

const EVERY_ENTRY: readonly Entry[] = ['grade', 'validate', 'doctor', 'start'];
const host = (port: number) => `127.0.0.1:${port}`;

const FAILURES: Failure[] = [
  {
    name: 'an ACL user without INFO',
    url: () => `redis://no-info:pw@${host(plain.port)}`,
    line: /^Redis at 127\.0\.0\.1:\d+ does not let user "no-info" run INFO, which redis-tutor needs\.$/,
    nextStep: /^Grant it \(ACL SETUSER no-info \+info\) or put a user with \+@all ~\* &\* \(such as default\) in --url\.$/,
    entries: EVERY_ENTRY,
  },
  {
    name: 'an ACL user without CLIENT SETNAME',
    url: () => `redis://no-setname:pw@${host(plain.port)}`,
    line: /does not let user "no-setname" run CLIENT SETNAME, which redis-tutor needs\.$/,
    nextStep: /ACL SETUSER no-setname \+client\|setname/,
    entries: ['grade'],
  },
  {
    name: 'an ACL user limited to some keys',
    url: () => `redis://app-keys:pw@${host(plain.port)}`,
    line: /does not let user "app-keys" use every key, which redis-tutor needs\.$/,
    nextStep: /ACL SETUSER app-keys ~\*/,
    entries: ['validate'],
  },
  {
    name: 'a wrong password',
    url: () => `redis://:wrong@${host(protectedServer.port)}`,
    line: /^Redis at 127\.0\.0\.1:\d+ refused the user and password given: the password was refused\.$/,
    nextStep: /^Check them in --url: redis:\/\/:PASSWORD@127\.0\.0\.1:\d+ \(or redis:\/\/USER:PASSWORD@127\.0\.0\.1:\d+\)/,
    entries: EVERY_ENTRY,
  },
  {
    name: 'no password',
    url: () => `redis://${host(protectedServer.port)}`,
    line: /^Redis at 127\.0\.0\.1:\d+ needs a password\.$/,
    nextStep: /^Put it in the URL: --url redis:\/\/:PASSWORD@host:port \(or redis:\/\/USER:PASSWORD@host:port/,
    entries: ['grade'],
  },
  {
    name: 'a password for a server without one',
    url: () => `redis://:s3cret@${host(plain.port)}`,
    line: /^Redis at 127\.0\.0\.1:\d+ has no password, and --url gives one\.$/,
    nextStep: /^Leave it out: --url redis:\/\/127\.0\.0\.1:\d+$/,
    entries: ['validate'],
  },
  {
    name: 'a web server',
    url: () => `redis://${host(foreign.http.port)}`,
    line: /^127\.0\.0\.1:\d+ did not answer as Redis does \(it sent "HTTP\/1\.1 400 Bad Request"\)\.$/,
    nextStep: /^Check the host and port in --url/,
    entries: EVERY_ENTRY,
  },
  {
    name: 'a port that hangs up at once',
    url: () => `redis://${host(foreign.closes.port)}`,
    line: /^127\.0\.0\.1:\d+ did not answer as Redis does \(it closed the connection\)\.$/,
    nextStep: /^Check the host and port in --url/,
    entries: ['grade'],
  },
  {
    name: 'a port that never answers',
    url: () => `redis://${host(foreign.silent.port)}`,
    line: /^127\.0\.0\.1:\d+ did not answer as Redis does \(it sent nothing in 3 s\)\.$/,
    nextStep: /^Check the host and port in --url/,
    entries: ['validate'],
  },
  {
    name: 'an SSH server',
    url: () => `redis://${host(foreign.ssh.port)}`,
    line: /did not answer as Redis does \(it sent "SSH-2\.0-OpenSSH_9\.6"\)\.$/,
    nextStep: /^Check the host and port in --url/,
    entries: ['doctor'],
  },
  {
    name: 'rediss:// to a plain Redis',
    url: () => `rediss://${host(plain.port)}`,
    line: /^127\.0\.0\.1:\d+ speaks plain Redis, not TLS\.$/,
    nextStep: /^Use redis:\/\/ instead of rediss:\/\/: --url redis:\/\/127\.0\.0\.1:\d+$/,
    entries: EVERY_ENTRY,
  },
  {
    name: 'redis:// to a TLS Redis',
    url: () => `redis://${host(tls?.port ?? 0)}`,
    line: /^127\.0\.0\.1:\d+ speaks TLS, not plain Redis\.$/,
    nextStep: /^Use rediss:\/\/ instead of redis:\/\/: --url rediss:\/\/127\.0\.0\.1:\d+$/,
    entries: ['grade'],
    needsTls: true,
  },
  {
    name: 'rediss:// to a certificate Node does not trust',
    url: () => `rediss://${host(tls?.port ?? 0)}`,
    line: /^the TLS certificate of 127\.0\.0\.1:\d+ is not trusted \(self[- ]signed certificate\)\.$/,
    nextStep: /NODE_EXTRA_CA_CERTS=/,
    entries: ['validate'],
    needsTls: true,
  },
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const home = tutor.tempHome();
  return new Promise((resolve, reject) => {
    // Not spawnSync: the listeners that play the wrong server live in this process and must keep answering.
    const child = spawn(process.execPath, [tutor.entry(), ...args], { cwd: home, env: { PATH: process.env.PATH, HOME: home, REDIS_TUTOR_HOME: home, LANG: 'C.UTF-8', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function argsFor(entry: Exclude<Entry, 'start'>, url: string): string[] {
  if (entry === 'grade') return ['grade', submission, '--exercise', 'getting-started/hello-redis', '--url', url];
  if (entry === 'validate') return ['validate', '--solutions', '--url', url];
  return ['doctor', '--url', url];
}

/** What start prints before the TUI would open: the pseudo-terminal's screen, its empty rows dropped. */
async function runStart(url: string): Promise<{ code: number; lines: string[]; output: string }> {
  // Wide enough that no line wraps: each printed line is one row.
  const { tui } = tutor.start(['--url', url], { columns: 250 });
  const code = await tui.waitForExit(20_000);
  return { code, lines: tui.screen().filter((line) => line.trim() !== ''), output: tui.output() };
}

const NO_STACK = /^\s+at /m;

const cases = FAILURES.flatMap((failure) => failure.entries.map((entry) => [`${entry}: ${failure.name}`, entry, failure] as const));

describe('a --url the tutor cannot use: one line, the next step, exit 2', () => {
  it.for(cases)('%s', async ([, entry, failure]) => {
    if (failure.needsTls && !tls) throw new Error('the TLS test server did not start');
    const url = failure.url();
    if (entry === 'start') {
      const { code, lines, output } = await runStart(url);
      expect(code).toBe(2);
      expect(lines).toHaveLength(2);
      expect(lines[0]?.replace(/^redis-tutor: /, '')).toMatch(failure.line);
      expect(lines[0]).toMatch(/^redis-tutor: /);
      expect(lines[1]).toMatch(failure.nextStep);
      expect(output).not.toMatch(NO_STACK);
      return;
    }
    const result = await run(argsFor(entry, url));
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).not.toMatch(NO_STACK);
    // What ioredis prints on its own (a skipped ready check, a needless password) never reaches the person.
    expect(result.stderr + result.stdout).not.toMatch(/\[WARN\]|Skipping the ready check|EPIPE|ETIMEDOUT/);
    if (entry === 'doctor') {
      const lines = result.stdout.split('\n');
      const at = lines.findIndex((line) => line.startsWith('✗ Redis URL'));
      expect(lines[at]?.replace(/^✗ Redis URL +/, '')).toMatch(failure.line);
      expect(lines[at + 1]?.trim().replace(/^→ /, '')).toMatch(failure.nextStep);
      expect(result.stderr).toBe('');
      return;
    }
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^redis-tutor: /);
    expect(lines[0]?.replace(/^redis-tutor: /, '')).toMatch(failure.line);
    expect(lines[1]).toMatch(failure.nextStep);
    expect(result.stdout).toBe('');
  });

  it('rediss:// with the certificate trusted (NODE_EXTRA_CA_CERTS) grades as usual', async () => {
    if (!tls) throw new Error('the TLS test server did not start');
    const result = await run(argsFor('grade', `rediss://${host(tls.port)}/2`), { NODE_EXTRA_CA_CERTS: tls.caFile });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/on Redis \d+\.\d+\.\d+ at rediss:\/\/127\.0\.0\.1:\d+\/2/);
    expect(result.code).toBe(0);
  });
});

describe('redis-tutor cli keeps redis-cli\'s own words for the same failures', () => {
  it.each([
    ['a web server', () => `redis://${host(foreign.http.port)}`],
    ['a port that hangs up at once', () => `redis://${host(foreign.closes.port)}`],
    ['no password', () => `redis://${host(protectedServer.port)}`],
    ['an ACL user without INFO', () => `redis://no-info:pw@${host(plain.port)}`],
  ])('%s', async (_, url) => {
    const args = ['--no-auth-warning', '-u', url(), 'INFO', 'server'];
    const [ours, real] = await Promise.all([run(['cli', ...args]), runRedisCli(args)]);
    expect(ours).toEqual(real);
  });
});

function runRedisCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', args, { env: { PATH: process.env.PATH, REDISCLI_HISTFILE: '/dev/null' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
