import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import { Engine } from '../../src/engine/engine.js';
import { Supervisor } from '../../src/engine/supervisor.js';
import { emptyProgress } from '../../src/progress/progress-file.js';
import { ProgressStore } from '../../src/progress/progress-store.js';
import { connectToUrl, type UrlRedisTarget } from '../../src/redis/url-target.js';
import { LearnerTap } from '../../src/tutor/learner-tap.js';
import { loadCommandTable, promptServices } from '../../src/tutor/prompt-services.js';
import { redisWhere } from '../../src/tutor/redis-where.js';
import { initialState } from '../../src/tutor/state/app-state.js';
import { AppStore } from '../../src/tutor/state/store.js';
import { TutorController } from '../../src/tutor/tutor-controller.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * `start --url` on a server the tutor did not start: the course's FLUSHALL
 * exercise runs on a private redis-server beside it, the exercise screen says
 * so in one line, and the learner's server keeps its keys.
 */
let home: string;
let foreign: TestServer;
let redis: Redis;
let target: UrlRedisTarget;
let supervisor: Supervisor;
let controller: TutorController;
let store: AppStore;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'redis-tutor-beside-tui-'));
  const courseDir = join(home, 'course', '01-getting-started');
  mkdirSync(courseDir, { recursive: true });
  const bundled = join(import.meta.dirname, '../../exercises/01-getting-started');
  for (const file of ['module.yaml', '08-flushall.yaml']) cpSync(join(bundled, file), join(courseDir, file));
  const { course } = await loadCourse(join(home, 'course'));
  foreign = await startTestServer();
  redis = new Redis(foreign.port, '127.0.0.1');
  await redis.mset('customer:1', 'Ada', 'customer:2', 'Grace');
  const env = { PATH: process.env.PATH ?? '' };
  target = await connectToUrl(`${foreign.url}/5`, { ownershipFile: join(home, 'claims.json'), beside: { env, handleSignals: false } });
  const tap = new LearnerTap();
  supervisor = await Supervisor.open(target, { openEngine: (on) => Engine.open(on, { connectLearner: tap.connectLearner, ownershipFile: join(home, 'claims.json') }) });
  store = new AppStore(initialState({ language: 'en', progress: emptyProgress(), progressSaved: true, redis: redisWhere(target), panelVisible: true }));
  const services = promptServices(await loadCommandTable(target.spec));
  controller = new TutorController({ store, course, supervisor, tap, progressStore: new ProgressStore(join(home, 'progress.json')), services });
});
afterAll(async () => {
  await controller.close();
  await supervisor.close();
  await target.release();
  redis.disconnect();
  await foreign.stop();
  rmSync(home, { recursive: true, force: true });
});

it('runs an exercise that needs an owned server beside the --url one, says so, and leaves the --url server alone', async () => {
  await controller.openExercise('getting-started/flushall');
  const tutorLines = () => store.getState().transcript.filter((line) => line.kind === 'tutor').map((line) => line.text);
  expect(tutorLines()).toContain('runs on a private redis-server the tutor starts beside yours: it needs a server the tutor owns (FLUSHALL, SAVE, restarts), and your --url server is left untouched');
  for (const line of ['DBSIZE', 'FLUSHALL', 'DBSIZE']) {
    await controller.submit(line);
    await waitUntil(() => store.getState().promptMode === 'ready' && !store.getState().lineRunning, `the prompt after ${line}`);
  }
  await waitUntil(() => store.getState().solvedNow, 'the exercise to be solved');
  expect((await redis.keys('*')).sort()).toEqual(['customer:1', 'customer:2']);
  expect(await redis.dbsize()).toBe(2);
});
