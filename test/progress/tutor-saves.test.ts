import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/course/load.js';
import type { Course } from '../../src/course/schema.js';
import { Engine } from '../../src/engine/engine.js';
import { Supervisor } from '../../src/engine/supervisor.js';
import { emptyProgress } from '../../src/progress/progress-file.js';
import { parseProgress } from '../../src/progress/progress-parse.js';
import { ProgressStore } from '../../src/progress/progress-store.js';
import { markSolved, markStarted } from '../../src/progress/progress-updates.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../src/redis/private-server.js';
import { LearnerTap } from '../../src/tutor/learner-tap.js';
import { loadCommandTable, promptServices } from '../../src/tutor/prompt-services.js';
import { redisWhere } from '../../src/tutor/redis-where.js';
import { initialState } from '../../src/tutor/state/app-state.js';
import { AppStore } from '../../src/tutor/state/store.js';
import { TutorController } from '../../src/tutor/tutor-controller.js';
import { waitUntil } from '../support/wait-until.js';

/**
 * The real controller on a real private redis-server, saving into a real
 * file: what it tells the learner about saving, and :reset-progress with a
 * second tutor on the same file.
 */
const BASIC_COURSE = join(import.meta.dirname, '..', 'fixtures', 'course-basic');
const FIRST = 'getting-started/first-key';
const SECOND = 'getting-started/page-views';

let course: Course;
let target: PrivateRedisTarget;
let supervisor: Supervisor;
let home: string;
const controllers: TutorController[] = [];

beforeAll(async () => {
  course = (await loadCourse(BASIC_COURSE)).course;
  target = await startPrivateServer({ env: { PATH: process.env.PATH ?? '' }, handleSignals: false });
});
afterEach(async () => {
  for (const controller of controllers.splice(0)) await controller.close();
  await supervisor.close();
  rmSync(home, { recursive: true, force: true });
});
afterAll(async () => {
  await target.release();
});

async function tutorSavingTo(fileIn: (home: string) => string): Promise<{ controller: TutorController; store: AppStore }> {
  home = mkdtempSync(join(tmpdir(), 'redis-tutor-tutor-saves-'));
  const tap = new LearnerTap();
  supervisor = await Supervisor.open(target, { openEngine: (on) => Engine.open(on, { connectLearner: tap.connectLearner, ownershipFile: join(home, 'claims.json') }) });
  const store = new AppStore(initialState({ language: 'en', progress: emptyProgress(), progressSaved: true, redis: redisWhere(target), panelVisible: true }));
  const services = promptServices(await loadCommandTable(target.spec));
  const controller = new TutorController({ store, course, supervisor, tap, progressStore: new ProgressStore(fileIn(home)), services });
  controllers.push(controller);
  return { controller, store };
}

describe('the tutor tells the truth about saving', () => {
  it('a failing save: not "saved", and why; saving again: "saved"', async () => {
    const { controller, store } = await tutorSavingTo((dir) => join(dir, 'blocked', 'progress.json'));
    const blocker = join(home, 'blocked');
    writeFileSync(blocker, 'a file where the folder should be');
    await controller.openExercise(FIRST);
    await waitUntil(() => store.getState().progressSaveError, 'the failed save');
    expect(store.getState().progressSaved).toBe(false);
    expect(store.getState().notice).toEqual({ text: `could not save progress: ${blocker} is a file, not a folder`, tone: 'warning' });

    rmSync(blocker);
    await controller.openExercise(SECOND);
    await waitUntil(() => store.getState().progressSaved, 'a save that works');
    expect(store.getState().progressSaveError).toBeUndefined();
    expect(store.getState().notice).toBeUndefined();
    expect(Object.keys(parseProgress(readFileSync(join(blocker, 'progress.json'), 'utf8')).exercises).sort()).toEqual([FIRST, SECOND]);
  });

  it('shows what another tutor saved, and :reset-progress forgets it in the file for good', async () => {
    const { controller, store } = await tutorSavingTo((dir) => join(dir, 'progress.json'));
    const file = join(home, 'progress.json');
    const other = new ProgressStore(file);
    const othersProgress = markSolved(markStarted(emptyProgress(), SECOND), SECOND);
    await other.save(othersProgress);

    await controller.openExercise(FIRST);
    // The save merged the other tutor's solve in, and the screen shows it.
    await waitUntil(() => store.getState().progress.exercises[SECOND]?.status === 'solved', 'the other tutor’s solve on screen');

    store.dispatch({ type: 'confirm', question: 'reset-progress' });
    await controller.answer(true);
    await waitUntil(() => parseProgress(readFileSync(file, 'utf8')).forgottenAt, 'the reset in the file');
    // The other tutor never heard of it and saves what it remembers: nothing comes back.
    const outcome = await other.save(markStarted(othersProgress, SECOND));
    expect(outcome.kind).toBe('saved');
    expect(parseProgress(readFileSync(file, 'utf8')).exercises).toEqual({});
  });
});
