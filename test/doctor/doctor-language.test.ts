import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../src/doctor/diagnose.js';
import type { DoctorFacts } from '../../src/doctor/doctor-facts.js';
import type { DoctorReport } from '../../src/doctor/doctor-model.js';
import { renderDoctor } from '../../src/doctor/render-doctor.js';
import { PLAIN } from '../../src/course/text-style.js';
import { runProgram } from '../../src/program.js';
import { captureIo } from '../support/capture-io.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { healthyFacts, reachableUrl } from './healthy-facts.js';

/** A course of its own, so the verdict does not hang on the bundled course of the day. */
const course = fileURLToPath(new URL('../fixtures/course-basic/', import.meta.url));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});
beforeEach(() => {
  // commander reads REDIS_URL / REDIS_SERVER_BIN from process.env; a developer's own settings must not leak in.
  vi.stubEnv('REDIS_URL', undefined);
  vi.stubEnv('REDIS_SERVER_BIN', undefined);
});

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}, columns?: number): Promise<string> {
  const io = captureIo({ env: { PATH: process.env.PATH, LANG: 'C.UTF-8', ...env } });
  if (columns !== undefined) Object.assign(io.stdout, { isTTY: true, columns, rows: 30 });
  await runProgram(['doctor', '--url', server.url, '--course', course, ...args], io);
  return stripVTControlCharacters(io.stdoutText());
}

describe('redis-tutor doctor in Russian', () => {
  it('--lang ru: the checks, what they found and the verdict in Russian', async () => {
    const out = await doctor(['--lang', 'ru']);
    expect(out).toMatch(new RegExp(`^✓ URL Redis +Redis \\d+\\.\\d+\\.\\d+ на 127\\.0\\.0\\.1:${server.port}/0$`, 'm'));
    expect(out).toMatch(/^✓ его данные +база 0 пуста: redis-tutor может ей пользоваться$/m);
    expect(out).toMatch(/^✓ курс +модулей: \d+, упражнений: \d+, всё в порядке/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe(`redis-tutor запустится и будет использовать Redis на 127.0.0.1:${server.port}/0.`);
  });

  it('follows LANG=ru_RU.UTF-8 as the other commands do, and --lang en wins over it', async () => {
    expect(await doctor([], { LANG: 'ru_RU.UTF-8' })).toContain('redis-tutor запустится');
    expect(await doctor(['--lang', 'en'], { LANG: 'ru_RU.UTF-8' })).toContain('redis-tutor can run');
  });

  it('rejects a language it does not have', async () => {
    const io = captureIo({ env: { PATH: process.env.PATH } });
    expect(await runProgram(['doctor', '--lang', 'de'], io)).toBe(2);
  });
});

/** A machine where everything that can go wrong did: every text doctor has for a problem is shown. */
const brokenMachines: Array<Partial<DoctorFacts>> = [
  {
    nodeVersion: '18.19.0',
    redisServer: { state: 'found', path: '/usr/bin/redis-server', source: 'path', version: '6.0.16' },
    redisCli: { state: 'missing' },
    docker: { state: 'no-engine', path: '/usr/bin/docker', reason: 'Cannot connect to the Docker daemon' },
    url: reachableUrl({ keys: 2, mayReset: false, version: '6.0.9' }),
    terminal: {
      platform: 'linux',
      stdinTty: false,
      stdoutTty: true,
      columns: 60,
      rows: 20,
      colour: { enabled: false, cause: 'no-color', reason: 'NO_COLOR is set' },
      locale: { variable: 'LANG', value: 'C' },
    },
    progress: { state: 'exists', file: '/home/a/progress.json', fromEnv: true, readable: true, writable: false },
    course: { state: 'loaded', dir: '/pkg/exercises', modules: 2, exercises: 5, errors: ['a.yaml: bad', 'b.yaml: bad'], warnings: 1 },
    programs: {
      python: { path: 'python3', origin: 'default', facts: { state: 'runs', version: '3.11.2', safePathOption: true, redisPy: undefined } },
      node: { path: '/usr/bin/node', origin: 'env', version: undefined, failure: 'ENOENT' },
      ioredis: undefined,
    },
  },
  {
    redisServer: { state: 'bad-choice', origin: '--redis-server', given: '/nonexistent' },
    docker: { state: 'missing' },
    url: { state: 'not-given' },
    terminal: { ...healthyFacts().terminal, stdoutTty: false, columns: undefined, rows: undefined, locale: undefined },
    progress: { state: 'absent', file: '/ro/progress.json', fromEnv: false, creatableIn: '/ro', writable: false },
    course: { state: 'unreadable', dir: '/pkg/exercises', message: 'EACCES' },
    programs: {
      python: { path: '/opt/py', origin: 'option', facts: { state: 'unusable', reason: 'ENOENT' } },
      node: { path: '/usr/bin/node', origin: 'default', version: 'v20.19.0', failure: undefined },
      ioredis: undefined,
    },
  },
  { redisServer: { state: 'unrunnable', path: '/opt/redis-server', source: 'option', reason: 'exec format error' } },
  { redisServer: { state: 'missing' }, docker: { state: 'missing' } },
  { url: reachableUrl({ keys: 3, mayReset: true }) },
];

/** The texts of a report that are doctor's own words, not facts (paths, versions, other tools' messages). */
const ownWords = (report: DoctorReport) => [report.verdict, ...report.results.flatMap((result) => [result.detail, result.nextStep ?? ''])];

describe('every doctor text has a Russian version', () => {
  it.each(brokenMachines.map((changes, index) => [index, changes] as const))('machine %i: no line is left in English', (_index, changes) => {
    const facts = healthyFacts(changes);
    const english = ownWords(diagnose(facts, 'en'));
    const russian = ownWords(diagnose(facts, 'ru'));
    russian.forEach((text, index) => {
      const original = english[index] ?? '';
      // A line with words of its own (not just a path, a version or the message of another tool) is translated.
      if (/[a-z]{4,} [a-z]{3,} [a-z]{3,}/i.test(original.replace(/`[^`]*`|\([^)]*\)/g, '')) && !original.startsWith('EACCES')) {
        expect(text, original).not.toBe(original);
        expect(text, original).toMatch(/[а-яё]/i);
      }
    });
  });

  it('the Russian plural of keys', () => {
    const detail = (keys: number) => diagnose(healthyFacts({ url: reachableUrl({ keys, mayReset: false }) }), 'ru').results.find((r) => r.name === 'его данные')?.detail;
    expect(detail(1)).toContain('1 ключ,');
    expect(detail(3)).toContain('3 ключа,');
    expect(detail(11)).toContain('11 ключей,');
  });
});

describe('doctor wraps long lines to the terminal, between words', () => {
  const report = diagnose(healthyFacts(brokenMachines[0]), 'ru');

  it.each([50, 60, 100])('at %i columns: every line fits and no word is cut', (width) => {
    const text = renderDoctor(report, { chalk: PLAIN, unicode: true, width });
    for (const line of text.split('\n')) {
      // Only a word longer than the line itself may overflow, and it is then alone on its line.
      if (stringWidth(line) > width) expect(line.trim().split(' ').at(-1)?.length, line).toBeGreaterThan(width - 24);
    }
    // The words are the same words, in the same order, as without wrapping.
    const words = (rendered: string) => rendered.replace(/[→✓✗!]/g, ' ').split(/\s+/).filter(Boolean);
    expect(words(text)).toEqual(words(renderDoctor(report, { chalk: PLAIN, unicode: true })));
  });

  it('continuation lines hang under the text of their check', () => {
    const text = renderDoctor(report, { chalk: PLAIN, unicode: true, width: 60 });
    const lines = text.split('\n');
    const first = lines.findIndex((line) => line.startsWith('✗ его данные'));
    const textColumn = lines[first]?.indexOf('в базе') ?? -1;
    expect(lines[first + 1]?.slice(0, textColumn).trim()).toBe('');
    expect(lines[first + 1]?.charAt(textColumn)).not.toBe(' ');
  });

  it('the doctor command wraps to the terminal it writes to, and leaves piped lines whole', async () => {
    const narrow = await doctor(['--lang', 'ru'], { LANG: 'C' }, 50);
    const piped = await doctor(['--lang', 'ru'], { LANG: 'C' });
    expect(Math.max(...narrow.split('\n').filter((line) => !/\S{30,}/.test(line)).map((line) => stringWidth(line)))).toBeLessThanOrEqual(50);
    expect(piped.split('\n').some((line) => stringWidth(line) > 50)).toBe(true);
  });
});
