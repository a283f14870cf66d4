import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bundledCourseDir, loadCourse } from '../../src/course/load.js';
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

/*
 * `start --url`: a production lab needs redis-server processes the tutor
 * runs itself, so it says so in one line and starts nothing; the prompt
 * still takes tutor commands, and `connect` keeps today's answer.
 */
let home: string;
let foreign: TestServer;
let target: UrlRedisTarget;
let supervisor: Supervisor;
let controller: TutorController;
let store: AppStore;

function childRedisServers(): number {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid), 'redis-server'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
  } catch {
    return 0; // pgrep exits 1 when nothing matches
  }
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'redis-tutor-lab-url-'));
  cpSync(join(bundledCourseDir(), '25-production-lab'), join(home, 'course', '25-production-lab'), { recursive: true });
  const { course } = await loadCourse(join(home, 'course'));
  foreign = await startTestServer();
  target = await connectToUrl(foreign.url, { ownershipFile: join(home, 'claims.json'), beside: { env: { PATH: process.env.PATH ?? '' }, handleSignals: false } });
  const tap = new LearnerTap();
  supervisor = await Supervisor.open(target, { openEngine: (on) => Engine.open(on, { connectLearner: tap.connectLearner, ownershipFile: join(home, 'claims.json') }) });
  store = new AppStore(initialState({ language: 'ru', progress: emptyProgress(), progressSaved: true, redis: redisWhere(target), panelVisible: true }));
  controller = new TutorController({ store, course, supervisor, tap, progressStore: new ProgressStore(join(home, 'progress.json')), services: promptServices(await loadCommandTable(target.spec)) });
});
afterAll(async () => {
  await controller.close();
  await supervisor.close();
  await target.release();
  await foreign.stop();
  rmSync(home, { recursive: true, force: true });
});

it('skips a lab under --url with one line, in the learner\'s language, and starts no server', async () => {
  const before = childRedisServers();
  await controller.openExercise('production-lab/read-from-replica');
  const said = () => store.getState().transcript.map((line) => [line.kind, line.text]);
  const skipped =
    'Этой лаборатории нужны серверы, которые тренажёр запускает сам (replication: 2 процесса redis-server), поэтому с --url она пропущена: чтобы её пройти, запустите redis-tutor start без --url. :next — дальше.';
  expect(said()).toEqual([['warning', skipped]]);
  expect(store.getState().promptMode).toBe('ready');
  expect(store.getState().panel).toBeUndefined();

  const type = async (line: string) => {
    await controller.submit(line);
    await waitUntil(() => store.getState().promptMode === 'ready' && !store.getState().lineRunning, `the prompt after ${line}`);
  };
  await type('GET product:1');
  await type('connect 127.0.0.1 6379');
  expect(said().slice(1).filter(([kind]) => kind !== 'input')).toEqual([
    ['warning', skipped],
    ['tutor', 'В тренажёре приглашение остаётся на сервере упражнения; к другому серверу подключается `redis-tutor cli`.'],
  ]);
  expect(childRedisServers()).toBe(before);
});
