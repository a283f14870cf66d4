import { describe, expect, it } from 'vitest';
import type { DoctorFacts } from '../../src/doctor/doctor-facts.js';
import type { CheckStatus } from '../../src/doctor/doctor-model.js';
import { diagnose } from '../../src/doctor/diagnose.js';
import { healthyFacts, reachableUrl } from './healthy-facts.js';

const status = (facts: DoctorFacts, name: string): CheckStatus | undefined => diagnose(facts).results.find((r) => r.name === name)?.status;

describe('diagnose: can the tutor obtain a Redis?', () => {
  const missingServer = { redisServer: { state: 'missing' } } as const;
  const noDocker = { docker: { state: 'no-engine', path: '/usr/bin/docker', reason: 'Cannot connect to the Docker daemon' } } as const;
  const oldOnPath = { redisServer: { state: 'found', path: '/usr/bin/redis-server', source: 'path', version: '6.0.16' } } as const;
  const oldChosen = { redisServer: { state: 'found', path: '/opt/redis-server', source: 'option', version: '6.0.16' } } as const;
  const badChoice = { redisServer: { state: 'bad-choice', origin: '--redis-server', given: '/nonexistent' } } as const;
  const unreachable = { url: { state: 'unreachable', url: 'redis://127.0.0.1:1/0', message: 'could not connect', nextStep: 'Check it.' } } as const;

  it.each<[string, Partial<DoctorFacts>, CheckStatus, number, RegExp]>([
    ['redis-server usable', {}, 'ok', 0, /private redis-server 7\.0\.15/],
    ['no redis-server, Docker answers', { ...missingServer }, 'warn', 0, /redis:7 container/],
    ['no redis-server, no Docker engine', { ...missingServer, ...noDocker }, 'fail', 2, /cannot run/],
    ['too old on PATH, Docker answers (acquireRedis falls back)', { ...oldOnPath }, 'warn', 0, /redis:7 container/],
    ['too old on PATH, no Docker', { ...oldOnPath, ...noDocker }, 'fail', 2, /cannot run/],
    ['too old and chosen with --redis-server (no fallback)', { ...oldChosen }, 'fail', 2, /cannot run/],
    ['--redis-server not executable (no fallback)', { ...badChoice }, 'fail', 2, /cannot run/],
    ['no redis-server but a reachable --url', { ...missingServer, ...noDocker, url: reachableUrl() }, 'warn', 0, /Redis at 127\.0\.0\.1:6390\/0/],
    ['redis-server usable but --url unreachable (the tutor uses --url only)', { ...unreachable }, 'ok', 2, /cannot run/],
  ])('%s', (_, changes, serverStatus, exitCode, verdict) => {
    const report = diagnose(healthyFacts(changes));
    expect(status(healthyFacts(changes), 'redis-server')).toBe(serverStatus);
    expect(report.exitCode).toBe(exitCode);
    expect(report.verdict).toMatch(verdict);
  });

  it('a missing redis-server says how to install it: apt, brew and docker', () => {
    const line = diagnose(healthyFacts({ ...missingServer, ...noDocker })).results.find((r) => r.name === 'redis-server');
    expect(line?.detail).toBe('not found on PATH');
    expect(line?.nextStep).toMatch(/apt-get install -y redis-server/);
    expect(line?.nextStep).toMatch(/brew install redis/);
    expect(line?.nextStep).toMatch(/docker compose up -d/);
  });
});

describe('diagnose: the --url server and its data', () => {
  it.each<[string, DoctorFacts['url'], CheckStatus[], number]>([
    ['none given', { state: 'not-given' }, ['ok'], 0],
    ['unreachable', { state: 'unreachable', url: 'x', message: 'could not connect', nextStep: undefined }, ['fail'], 2],
    ['empty database', reachableUrl(), ['ok', 'ok'], 0],
    ['keys the tutor may reset (claimed)', reachableUrl({ keys: 3, mayReset: true }), ['ok', 'ok'], 0],
    ['foreign keys', reachableUrl({ keys: 2, mayReset: false }), ['ok', 'fail'], 2],
    ['too old', reachableUrl({ version: '6.0.9' }), ['fail', 'ok'], 2],
  ])('%s', (_, url, statuses, exitCode) => {
    const report = diagnose(healthyFacts({ url }));
    const urlLines = report.results.filter((r) => r.name === 'Redis URL' || r.name === 'its data');
    expect(urlLines.map((r) => r.status)).toEqual(statuses);
    expect(report.exitCode).toBe(exitCode);
  });

  it('foreign keys: names the count, another database and --force', () => {
    const line = diagnose(healthyFacts({ url: reachableUrl({ keys: 2, mayReset: false, db: 3 }) })).results.find((r) => r.name === 'its data');
    expect(line?.detail).toBe('database 3 holds 2 keys that redis-tutor did not create: it will refuse to reset (FLUSHDB) it');
    expect(line?.nextStep).toContain('--url redis://127.0.0.1:6390/4');
    expect(line?.nextStep).toContain('--force');
  });

  it('the unreachable line carries the connection error and its next step', () => {
    const line = diagnose(healthyFacts({ url: { state: 'unreachable', url: 'u', message: 'could not connect to Redis at h:1 (ECONNREFUSED).', nextStep: 'Check that it is running.' } })).results.find(
      (r) => r.name === 'Redis URL',
    );
    expect(line).toEqual({ name: 'Redis URL', status: 'fail', detail: 'could not connect to Redis at h:1 (ECONNREFUSED).', nextStep: 'Check that it is running.' });
  });
});

describe('diagnose: everything else', () => {
  it('a healthy machine: all ok, in a fixed order', () => {
    const report = diagnose(healthyFacts());
    expect(report.results.map((r) => [r.name, r.status])).toEqual([
      ['Node.js', 'ok'],
      ['redis-server', 'ok'],
      ['redis-cli', 'ok'],
      ['Docker', 'ok'],
      ['Redis URL', 'ok'],
      ['terminal', 'ok'],
      ['colour', 'ok'],
      ['terminal size', 'ok'],
      ['locale', 'ok'],
      ['progress', 'ok'],
      ['course', 'ok'],
    ]);
    expect(report.exitCode).toBe(0);
  });

  it.each<[string, Partial<DoctorFacts>, string, CheckStatus, number]>([
    ['Node 18', { nodeVersion: '18.19.0' }, 'Node.js', 'fail', 2],
    ['Node 22', { nodeVersion: '22.3.0' }, 'Node.js', 'ok', 0],
    ['Node 24', { nodeVersion: 'v24.0.1' }, 'Node.js', 'ok', 0],
    ['no redis-cli (only tests need it)', { redisCli: { state: 'missing' } }, 'redis-cli', 'warn', 0],
    ['no Docker while redis-server works', { docker: { state: 'missing' } }, 'Docker', 'warn', 0],
    ['Docker engine silent', { docker: { state: 'no-engine', path: '/d', reason: 'no answer within 3000 ms' } }, 'Docker', 'warn', 0],
    ['course with an error', { course: { state: 'loaded', dir: '/c', modules: 1, exercises: 2, errors: ['01-m/01-a.yaml:3:1: bad'], warnings: 0 } }, 'course', 'fail', 2],
    ['course with only warnings', { course: { state: 'loaded', dir: '/c', modules: 1, exercises: 2, errors: [], warnings: 3 } }, 'course', 'ok', 0],
    ['course folder unreadable', { course: { state: 'unreadable', dir: '/c', message: 'EACCES' } }, 'course', 'fail', 2],
    [
      'progress not writable (warning: the tutor still runs)',
      { progress: { state: 'exists', file: '/p/progress.json', fromEnv: true, readable: true, writable: false } },
      'progress',
      'warn',
      0,
    ],
    ['progress folder not creatable', { progress: { state: 'absent', file: '/ro/x/progress.json', fromEnv: false, creatableIn: '/ro', writable: false } }, 'progress', 'warn', 0],
    ['progress not created yet', { progress: { state: 'absent', file: '/h/progress.json', fromEnv: false, creatableIn: '/h', writable: true } }, 'progress', 'ok', 0],
  ])('%s', (_, changes, name, expected, exitCode) => {
    const report = diagnose(healthyFacts(changes));
    expect(report.results.find((r) => r.name === name)?.status).toBe(expected);
    expect(report.exitCode).toBe(exitCode);
  });

  it('says where progress comes from and what to do when it cannot be saved', () => {
    const line = diagnose(healthyFacts({ progress: { state: 'exists', file: '/p/progress.json', fromEnv: true, readable: false, writable: false } })).results.find(
      (r) => r.name === 'progress',
    );
    expect(line?.detail).toBe('/p/progress.json (from REDIS_TUTOR_HOME) cannot be read or written: progress will not be saved');
    expect(line?.nextStep).toMatch(/REDIS_TUTOR_HOME/);
  });
});
