/**
 * The tutor without a screen: the real controller, store, engine and a
 * private redis-server, driven as the screens drive it (submit, interrupt).
 * What the learner would see is read from the store's transcript.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCourse } from '../../../src/course/load.js';
import type { Course } from '../../../src/course/schema.js';
import { Engine } from '../../../src/engine/engine.js';
import { Supervisor } from '../../../src/engine/supervisor.js';
import { emptyProgress } from '../../../src/progress/progress-file.js';
import { ProgressStore } from '../../../src/progress/progress-store.js';
import { startPrivateServer, type PrivateRedisTarget } from '../../../src/redis/private-server.js';
import { LearnerTap } from '../../../src/tutor/learner-tap.js';
import { loadCommandTable, promptServices } from '../../../src/tutor/prompt-services.js';
import { redisWhere } from '../../../src/tutor/redis-where.js';
import { initialState, type TranscriptKind } from '../../../src/tutor/state/app-state.js';
import { AppStore } from '../../../src/tutor/state/store.js';
import { TutorController } from '../../../src/tutor/tutor-controller.js';
import { waitUntil } from '../../support/wait-until.js';

export const BASIC_COURSE = join(import.meta.dirname, '..', '..', 'fixtures', 'course-basic');

export interface HeadlessTutor {
  controller: TutorController;
  store: AppStore;
  target: PrivateRedisTarget;
  supervisor: Supervisor;
  course: Course;
  /** Enter on a line, then wait until the prompt takes lines again (or another mode took over). */
  type(line: string): Promise<void>;
  /** The transcript lines of these kinds (all kinds when none given) since the last mark(). */
  lines(...kinds: TranscriptKind[]): string[];
  /** Forget the transcript seen so far (the store keeps it; this moves the mark). */
  mark(): void;
  close(): Promise<void>;
}

export async function startHeadlessTutor(options: { course?: string; exercise?: string } = {}): Promise<HeadlessTutor> {
  const { course } = await loadCourse(options.course ?? BASIC_COURSE);
  const home = mkdtempSync(join(tmpdir(), 'redis-tutor-headless-'));
  const target = await startPrivateServer({ env: { PATH: process.env.PATH ?? '' }, handleSignals: false });
  const tap = new LearnerTap();
  const supervisor = await Supervisor.open(target, {
    openEngine: (on) => Engine.open(on, { connectLearner: tap.connectLearner, ownershipFile: join(home, 'claims.json') }),
  });
  const store = new AppStore(initialState({ language: 'en', progress: emptyProgress(), progressSaved: true, redis: redisWhere(target), panelVisible: true }));
  const services = promptServices(await loadCommandTable(target.spec));
  const controller = new TutorController({ store, course, supervisor, tap, progressStore: new ProgressStore(join(home, 'progress.json')), services });
  const exercise = options.exercise ?? course.modules[0]?.exercises[0]?.id;
  if (!exercise) throw new Error('the course has no exercise');
  await controller.openExercise(exercise);
  let seen = 0;
  const transcript = () => store.getState().transcript;
  return {
    controller,
    store,
    target,
    supervisor,
    course,
    async type(line) {
      await controller.submit(line);
      // Done when no line runs (a line typed while another ran waits its turn, even at a ready prompt).
      await waitUntil(() => {
        const { promptMode, lineRunning } = store.getState();
        return promptMode !== 'busy' && promptMode !== 'starting' && !lineRunning;
      }, `the prompt after "${line}"`);
    },
    lines: (...kinds) => transcript().filter((line) => line.id > seen && (kinds.length === 0 || kinds.includes(line.kind))).map((line) => line.text),
    mark() {
      seen = store.getState().nextLineId - 1;
    },
    async close() {
      await controller.close();
      await supervisor.close();
      await target.release();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
