import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { stringMatching } from '../support/matchers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { gradeFiles } from './support/grade-fixture.js';

/** One exercise per kind of requirement; each would pass wherever it runs. */
function exercise(id: string, requires: string): string {
  return [
    'formatVersion: 1',
    `id: ${id}`,
    `title: { en: ${id}, ru: ${id} }`,
    'lesson: { en: Lesson., ru: Урок. }',
    'task: { en: Set k to 1., ru: Запишите 1 в k. }',
    'hints:',
    '  - { en: SET k 1, ru: SET k 1 }',
    ...(requires === '' ? [] : [`requires: ${requires}`]),
    'solution: |',
    '  SET k 1',
    'checks:',
    '  - description: { en: k is 1, ru: k равен 1 }',
    '    key: k',
    '    value: "1"',
  ].join('\n');
}

const EXERCISES: Record<string, string> = {
  '01-plain.yaml': exercise('plain', ''),
  '02-future-redis.yaml': exercise('future-redis', '{ redis: "99.0" }'),
  '03-valkey-only.yaml': exercise('valkey-only', '{ valkey: "8.1" }'),
  '04-unknown-command.yaml': exercise('unknown-command', '{ commands: [NO-SUCH-COMMAND] }'),
  '05-known-command.yaml': exercise('known-command', '{ commands: [GET, "client list"] }'),
  '06-owned.yaml': exercise('owned', '{ server: owned }'),
};

let dir: string;
let course: Course;
let server: TestServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-requires-'));
  mkdirSync(join(dir, '01-needs'));
  writeFileSync(join(dir, '01-needs', 'module.yaml'), 'formatVersion: 1\nid: needs\ntitle: { en: Needs, ru: Нужды }\nsummary: { en: Requirements., ru: Требования. }\n');
  for (const [file, text] of Object.entries(EXERCISES)) writeFileSync(join(dir, '01-needs', file), text);
  const loaded = await loadCourse(dir);
  expect(loaded.problems).toEqual([]);
  course = loaded.course;
  server = await startTestServer();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.stop();
});

const SKIPPED_ANYWHERE = {
  'needs/future-redis': /^needs Redis 99\.0 or newer; this is Redis \d+\.\d+\.\d+\. Start a server that can with Docker: docker run .* redis:99\.0; redis-tutor start --url redis:\/\/127\.0\.0\.1:6380$/,
  'needs/valkey-only': /^needs Valkey 8\.1; Redis \S+ is not Valkey\. Start a server that can with Docker: .*valkey\/valkey:8\.1/,
  'needs/unknown-command': /^needs NO-SUCH-COMMAND, which Redis \S+ does not know\./,
};

describe('exercises the server cannot run are skipped with the reason', () => {
  it.each([
    ['on a private server', undefined],
    ['on a Redis given with --url', 'url'],
  ])('validate --solutions %s', async (_name, how) => {
    const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-requires-claims-'));
    try {
      const report = await runValidate({
        dir,
        solutions: true,
        env: { PATH: process.env.PATH ?? '' },
        ...(how === 'url' ? { url: `${server.url}/3` } : {}),
        ownershipFile: join(scratch, 'claims.json'),
        connectLearner: connectRespLearner,
      });
      const byId = new Map((report.solutions ?? []).map(({ result }) => [result.id, result]));
      for (const id of ['needs/plain', 'needs/known-command']) expect(byId.get(id)?.status).toBe('passed');
      for (const [id, reason] of Object.entries(SKIPPED_ANYWHERE)) expect(byId.get(id)).toMatchObject({ status: 'skipped', skipReason: stringMatching(reason) });
      // Under --url it runs on the private server the tutor starts beside (test/redis/owned-beside.test.ts).
      expect(byId.get('needs/owned')?.status).toBe('passed');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('grade skips them too, and says why in the report', async () => {
    const ids = ['plain', 'future-redis', 'valkey-only', 'unknown-command', 'known-command', 'owned'];
    const files = Object.fromEntries(ids.map((id) => [`needs/${id}.redis`, 'SET k 1\n']));
    const { grade, report } = await gradeFiles(files, { course, url: `${server.url}/4` });
    expect(grade('needs/plain').status).toBe('passed');
    expect(grade('needs/known-command').status).toBe('passed');
    for (const [id, reason] of Object.entries(SKIPPED_ANYWHERE)) expect(grade(id)).toMatchObject({ status: 'skipped', skipReason: stringMatching(reason) });
    expect(grade('needs/owned').status).toBe('passed');
    expect(report.score).toMatchObject({ passed: 3, skipped: 3 });
  });
});
