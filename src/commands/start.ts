import { resolveCourseDir } from '../course/course-dir.js';
import { isLanguage, resolveLanguage } from '../course/language.js';
import { findModule } from '../course/find-module.js';
import { readCourse } from '../course/read-course.js';
import type { Course, Language } from '../course/schema.js';
import type { Io } from '../io.js';
import { Engine } from '../engine/engine.js';
import { readCourseServerFacts } from '../engine/requirements.js';
import { Supervisor } from '../engine/supervisor.js';
import { EnvironmentError, UserError } from '../errors.js';
import type { Action } from './action.js';
import { emptyProgress } from '../progress/progress-file.js';
import { promptHistoryFilePath } from '../progress/history-path.js';
import { loadProgress, progressFilePath, ProgressStore } from '../progress/progress-store.js';
import { acquireRedis } from '../redis/acquire.js';
import { tuiChalk } from '../ui/color-level.js';
import { MIN_COLUMNS_FOR_DEFAULT_PANEL } from '../ui/layout.js';
import { redisWhere } from '../tutor/redis-where.js';
import { loadCommandTable, openHistoryFile, promptServices } from '../tutor/prompt-services.js';
import { runTui } from '../ui/run-tui.js';
import { LearnerTap } from '../tutor/learner-tap.js';
import { TutorController } from '../tutor/tutor-controller.js';
import { ProgramWatch } from '../tutor/program-watch.js';
import { tuiProgramRuns } from '../projects/tui-program-runs.js';
import { chooseInterpreters } from '../programs/interpreters.js';
import { initialState } from '../tutor/state/app-state.js';
import { AppStore } from '../tutor/state/store.js';
import { texts } from '../tutor/texts.js';

/** A --url server that went away gets this many tries, a second apart, to come back (a docker restart). */
const RECONNECT_ATTEMPTS = 30;

/** `redis-tutor start [--course DIR] [--module ID] [--exercise ID] [--workspace DIR] [--url URL] [--lang en|ru] [--fresh]` */
export const startAction: Action = async ({ options, io }) => {
  const cliLanguage = isLanguage(options.lang) ? options.lang : undefined;
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    const t = texts(resolveLanguage(cliLanguage, io.env));
    throw new EnvironmentError(t.notTerminal, t.notTerminalNext);
  }

  // Raw mode from the first moment: keys typed while Redis starts are kept for the app instead of
  // being echoed by the terminal (an echoed Enter would scroll the screen under the frame).
  io.stdin.setRawMode?.(true);
  try {
    return await runStart(options, io, cliLanguage);
  } finally {
    io.stdin.setRawMode?.(false);
  }
};

async function runStart(options: Record<string, unknown>, io: Io, cliLanguage: Language | undefined): Promise<number> {
  const { course, note } = await readCourse(await resolveCourseDir({ option: options.course }, io.env, io.cwd));
  const firstExercise = startingExercise(course, options.module, options.exercise, cliLanguage ?? resolveLanguage(undefined, io.env));

  const fresh = options.fresh === true;
  const file = progressFilePath(io.env);
  const loaded = fresh ? { progress: emptyProgress() } : await loadProgress(file);
  const language = cliLanguage ?? loaded.progress.language ?? resolveLanguage(undefined, io.env);

  const target = await acquireRedis({
    ...(typeof options.url === 'string' ? { url: options.url } : {}),
    ...(typeof options.redisServer === 'string' ? { redisServerBin: options.redisServer } : {}),
    env: io.env,
    handleSignals: false,
    onStatus: (message) => io.stderr.write(`${message}\n`),
  });
  try {
    const tap = new LearnerTap();
    const supervisor = await Supervisor.open(target, {
      openEngine: (on) => Engine.open(on, { connectLearner: tap.connectLearner, ...(options.force === true ? { force: true } : {}) }),
      reconnectAttempts: RECONNECT_ATTEMPTS,
    });
    // What the server is, once: the home screen marks the exercises it cannot run (the same server comes back after a recovery).
    const server = await readCourseServerFacts(supervisor.engine.checker, course, target).catch(() => undefined);
    // --fresh saves nothing, the history included; otherwise the history sits beside the progress file.
    const services = promptServices(await loadCommandTable(target.spec), fresh ? {} : { historyFile: openHistoryFile(promptHistoryFilePath(io.env)) });
    const columns = io.stdout.columns ?? 80;
    const warning = 'warning' in loaded && loaded.warning ? loaded.warning : note?.trim();
    const store = new AppStore(
      initialState({
        language,
        progress: loaded.progress,
        progressSaved: !fresh,
        redis: redisWhere(target),
        panelVisible: columns >= MIN_COLUMNS_FOR_DEFAULT_PANEL,
        ...(warning ? { notice: { text: warning, tone: 'warning' as const } } : {}),
      }),
    );
    const progressStore = new ProgressStore(fresh ? undefined : file);
    const controller = new TutorController({ store, course, supervisor, tap, progressStore, services });
    // Program exercises: the learner's file is watched and every save run, as `redis-tutor run` runs it.
    const workspace = typeof options.workspace === 'string' ? { workspace: options.workspace } : {};
    const runs = tuiProgramRuns({ supervisor, env: io.env, cwd: io.cwd, interpreters: chooseInterpreters({}, io.env), ...workspace });
    const programs = new ProgramWatch({ store, course, runs, progressStore });
    await runTui({
      io,
      store,
      controller,
      course,
      chalk: tuiChalk(io.env, true),
      services,
      programs,
      ...(server ? { server } : {}),
      onMounted: () => {
        if (firstExercise.kind === 'exercise') void controller.openExercise(firstExercise.id);
        else if (firstExercise.kind === 'module') void controller.openModule(firstExercise.id);
      },
    });
    await programs.close();
    await controller.close();
    await supervisor.close();
  } finally {
    await target.release();
  }
  return 0;
}

type StartingPoint = { kind: 'home' } | { kind: 'module'; id: string } | { kind: 'exercise'; id: string };

/** `--module` and `--exercise` as a place in the course; unknown ids are usage errors. */
function startingExercise(course: Course, moduleOption: unknown, exerciseOption: unknown, language: Language): StartingPoint {
  const moduleId = typeof moduleOption === 'string' ? moduleOption : undefined;
  const exerciseId = typeof exerciseOption === 'string' ? exerciseOption : undefined;
  const listHint = 'Run `redis-tutor list` to see every module and exercise.';
  const module = moduleId === undefined ? undefined : findModule(course, moduleId, language);
  if (exerciseId === undefined) return module ? { kind: 'module', id: module.id } : { kind: 'home' };
  const candidates = (module ? [module] : course.modules).flatMap((m) => m.exercises);
  const exercise = candidates.find((e) => e.id === exerciseId || e.localId === exerciseId || (module !== undefined && String(e.number) === exerciseId));
  if (!exercise) throw new UserError(`unknown exercise "${exerciseId}"${module ? ` in module ${module.id}` : ''}.`, listHint);
  return { kind: 'exercise', id: exercise.id };
}
