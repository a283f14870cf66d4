import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { gradeFiles } from '../grade/support/grade-fixture.js';

/**
 * network-security/tls-in-code graded as `grade` grades a program, on a
 * real private redis-server with its TLS lab: the reference solution
 * passes, and a program that writes the same keys over the plain port
 * (REDIS_URL), its own CLIENT INFO's laddr included, does not.
 */
const MODULE = join(import.meta.dirname, '../../exercises/24-network-security');
const ID = 'network-security/tls-in-code';
let dir: string;
let course: Course;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-tls-course-'));
  const module = join(dir, '24-network-security');
  mkdirSync(join(module, 'programs'), { recursive: true });
  cpSync(join(MODULE, 'module.yaml'), join(module, 'module.yaml'));
  cpSync(join(MODULE, '07-tls-in-code.yaml'), join(module, '07-tls-in-code.yaml'));
  cpSync(join(MODULE, 'checks'), join(module, 'checks'), { recursive: true });
  cpSync(join(MODULE, 'programs/tls-in-code'), join(module, 'programs/tls-in-code'), { recursive: true });
  const loaded = await loadCourse(dir);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  course = loaded.course;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PLAIN_CHEAT = `import { Redis } from 'ioredis';
const redis = new Redis(process.env.REDIS_URL);
await redis.set('tls:hello', 'encrypted');
const laddr = /laddr=(\\S+)/.exec(await redis.client('INFO'))[1];
await redis.hset('audit:tls-client', 'laddr', laddr);
console.log('plain', laddr);
await redis.quit();
`;

const NO_CA = `import { Redis } from 'ioredis';
const redis = new Redis(process.env.REDIS_TLS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null });
redis.on('error', (error) => console.log('refused:', error.code ?? error.message));
await redis.set('tls:hello', 'encrypted').catch(() => undefined);
redis.disconnect();
`;

describe('the TLS lab exercise', () => {
  it('passes the solution that writes over rediss:// trusting the lab CA', async () => {
    const solution = readFileSync(join(MODULE, 'programs/tls-in-code/solution.mjs'), 'utf8');
    const { grade } = await gradeFiles({ 'network-security/tls-in-code.mjs': solution }, { course, timeoutMs: 10_000 });
    const graded = grade(ID);
    expect(graded.status, JSON.stringify(graded)).toBe('passed');
    expect(graded.output?.text).toMatch(/^connected over TLS to 127\.0\.0\.1:\d+$/m);
  });

  it('fails a program that writes the same over the plain port, its laddr included', async () => {
    const { grade } = await gradeFiles({ 'network-security/tls-in-code.mjs': PLAIN_CHEAT }, { course, timeoutMs: 10_000 });
    const graded = grade(ID);
    expect(graded.status).toBe('failed');
    const verdicts = Object.fromEntries(graded.checks.map((check) => [check.description.en, check.passed]));
    expect(verdicts).toEqual({
      'tls:hello is encrypted': true,
      "The connection reached the TLS port: the laddr in audit:tls-client is the server's tls-port": false,
      'Nothing was written over the plain port (REDIS_URL)': false,
    });
  });

  it('leaves a program that does not trust the lab CA unable to write', async () => {
    const { grade } = await gradeFiles({ 'network-security/tls-in-code.mjs': NO_CA }, { course, timeoutMs: 10_000 });
    const graded = grade(ID);
    expect(graded.status).toBe('failed');
    expect(graded.output?.text).toMatch(/refused: (SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)/);
    expect(graded.checks.find((check) => check.description.en === 'tls:hello is encrypted')?.passed).toBe(false);
  });
});
