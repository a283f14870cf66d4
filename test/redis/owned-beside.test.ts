import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/commands/validate.js';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { connectRespLearner } from '../../src/engine/default-learner.js';
import { reportHolds } from '../../src/validate/render-validate.js';
import { stringMatching } from '../support/matchers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { gradeFiles } from '../grade/support/grade-fixture.js';

/**
 * Under --url, the course's exercises that need a server the tutor owns
 * (FLUSHALL, SAVE) run on a private redis-server started beside the
 * learner's, which keeps its keys and its configuration.
 */
const COURSE = join(import.meta.dirname, '../../exercises');
const PICKED = [
  ['01-getting-started', '08-flushall.yaml'],
  ['17-persistence', '01-save.yaml'],
] as const;

let dir: string;
let course: Course;
let foreign: TestServer;
let redis: Redis;
let before: Snapshot;

interface Snapshot {
  keys: string[];
  config: string[];
  lastSave: number;
  dumpExists: boolean;
}

async function snapshot(): Promise<Snapshot> {
  const config = (await redis.config('GET', '*')) as string[];
  const pairs = config.reduce<string[]>((all, value, index) => (index % 2 === 0 ? [...all, `${value}=${config[index + 1] ?? ''}`] : all), []);
  const serverDir = config[config.indexOf('dir') + 1] ?? '';
  return { keys: (await redis.keys('*')).sort(), config: pairs.sort(), lastSave: await redis.lastsave(), dumpExists: existsSync(join(serverDir, 'dump.rdb')) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redis-tutor-beside-'));
  for (const [module, file] of PICKED) {
    mkdirSync(join(dir, module));
    cpSync(join(COURSE, module, 'module.yaml'), join(dir, module, 'module.yaml'));
    cpSync(join(COURSE, module, file), join(dir, module, file));
  }
  const loaded = await loadCourse(dir);
  expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  course = loaded.course;
  // A server the tutor did not start, with someone's data in database 0.
  foreign = await startTestServer();
  redis = new Redis(foreign.port, '127.0.0.1', { lazyConnect: true });
  await redis.connect();
  await redis.mset('customer:1', 'Ada', 'customer:2', 'Grace');
  await redis.hset('settings', 'theme', 'dark');
  before = await snapshot();
});
afterAll(async () => {
  redis.disconnect();
  await foreign.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('exercises that need an owned server, under --url', () => {
  it('validate --solutions runs them on a private server beside, and the --url server is unchanged', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-beside-claims-'));
    try {
      const report = await runValidate({
        dir,
        solutions: true,
        env: { PATH: process.env.PATH ?? '' },
        url: `${foreign.url}/5`,
        ownershipFile: join(scratch, 'claims.json'),
        connectLearner: connectRespLearner,
      });
      const typed = (report.solutions ?? []).filter((solution) => solution.counterExample === undefined).map(({ result }) => [result.id, result.status]);
      expect(typed).toEqual([
        ['getting-started/flushall', 'passed'],
        ['persistence/save', 'passed'],
      ]);
      // The counter-examples ran beside too, and each failed a check as it should.
      expect((report.solutions ?? []).filter((solution) => solution.counterExample !== undefined).length).toBeGreaterThan(0);
      expect(reportHolds(report)).toBe(true);
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('grade --url grades them on the private server beside, and the --url server is unchanged', async () => {
    const { grade, report } = await gradeFiles(
      { 'getting-started/flushall.redis': 'DBSIZE\nFLUSHALL\nDBSIZE\n', 'persistence/save.redis': 'INFO persistence\nSAVE\nINFO persistence\n' },
      { course, url: `${foreign.url}/6` },
    );
    expect(grade('getting-started/flushall').status).toBe('passed');
    expect(grade('persistence/save').status).toBe('passed');
    expect(report.score).toMatchObject({ passed: 2, skipped: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('without a redis-server to start beside, they are skipped with the reason and how to install one', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'redis-tutor-beside-claims-'));
    try {
      const report = await runValidate({
        dir,
        solutions: true,
        env: { PATH: '' },
        url: `${foreign.url}/7`,
        ownershipFile: join(scratch, 'claims.json'),
        connectLearner: connectRespLearner,
      });
      const skipped = stringMatching(/no redis-server was found to start beside it\. Install redis-server \(sudo apt-get install redis-server/);
      expect(report.solutions?.map(({ result }) => result)).toEqual([
        expect.objectContaining({ id: 'getting-started/flushall', status: 'skipped', skipReason: skipped }),
        expect.objectContaining({ id: 'persistence/save', status: 'skipped', skipReason: skipped }),
      ]);
      expect(await snapshot()).toEqual(before);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
