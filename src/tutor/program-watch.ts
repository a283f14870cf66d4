import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Course, LoadedExercise, LoadedModule, ProgramLanguage } from '../course/schema.js';
import { errorMessage } from '../errors.js';
import { markSolved } from '../progress/progress-updates.js';
import type { ProgressStore } from '../progress/progress-store.js';
import type { BilingualText, ExerciseResult } from '../results/check-result.js';
import { placeOf } from './course-nav.js';
import type { AppState } from './state/app-state.js';
import type { AppStore } from './state/store.js';

/** The learner's file for an exercise (src/projects/tui-program-runs.ts makes it from the starter). */
export interface OpenedProgram {
  file: string;
  language: ProgramLanguage;
  languages: ProgramLanguage[];
  created: boolean;
}

export type ProgramRunOutcome =
  | { kind: 'checked'; result: ExerciseResult; exitCode: number | null }
  | { kind: 'failed'; problem: BilingualText; exitCode: number | null };

/** Files and runs, done as `redis-tutor run` does them (given by start.ts: the tutor layer does not grade). */
export interface ProgramRuns {
  open(exercise: LoadedExercise, language?: ProgramLanguage): Promise<OpenedProgram | undefined>;
  run(where: { module: LoadedModule; exercise: LoadedExercise }, file: string, hooks: { onOutput: (text: string) => void; cancel: AbortSignal }): Promise<ProgramRunOutcome>;
}

export interface ProgramWatchDeps {
  store: AppStore;
  course: Course;
  runs: ProgramRuns;
  /** Where a solved exercise is recorded (the controller's own store). */
  progressStore: ProgressStore;
}

/** What is watched: one file of one exercise. */
interface Watched {
  exerciseId: string;
  file: string;
  watcher: FSWatcher;
  /** mtime and size of the file as last run (or as found when it opened): an event that changes neither is no save. */
  seen: string | undefined;
}

/**
 * The program flow of the exercise screen, as rustlings does it: while a
 * program exercise is on screen its file is watched, and every save runs it
 * (./state/program-state.ts holds what the pane shows). A save while a run
 * is going cancels that run; runs never overlap, since each resets the one
 * sandbox. It follows the store: opening a program exercise starts the
 * watch, leaving it stops it, so the controller needs no part in it.
 */
export class ProgramWatch {
  private watched: Watched | undefined;
  /** Bumped for every new file or run: results of an older one are dropped. */
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  private cancel: AbortController | undefined;
  private batched = false;
  private readonly unsubscribe: () => void;
  /** The exercise the store last showed, so an unrelated state change does nothing. */
  private shown: string | undefined;

  constructor(private readonly deps: ProgramWatchDeps) {
    this.unsubscribe = deps.store.subscribe(() => this.follow(deps.store.getState()));
  }

  /** The learner's file of the exercise on screen, for the editor key. */
  get file(): string | undefined {
    return this.deps.store.getState().program?.file;
  }

  /** The next language the exercise offers: its file (made from the starter if new) is watched from now on. */
  async switchLanguage(): Promise<void> {
    const view = this.deps.store.getState().program;
    if (!view || view.languages.length < 2) return;
    const next = view.languages[(view.languages.indexOf(view.language) + 1) % view.languages.length];
    await this.open(view.exerciseId, next);
  }

  /** Runs the file now, as a save would (the e2e tests and a learner who saved before the watch began). */
  runNow(): void {
    const watched = this.watched;
    if (watched) this.startRun(watched);
  }

  /** Stops watching; resolves once a run that was going has ended (its program is gone). */
  async close(): Promise<void> {
    this.unsubscribe();
    this.stop();
    await this.running;
  }

  private follow(state: AppState): void {
    const wanted = state.screen === 'exercise' ? state.exerciseId : undefined;
    // A program exercise opened again (:reset, a recovery) clears its verdicts and comes back here with the same id: the watch goes on.
    if (wanted === this.shown) return;
    this.shown = wanted;
    this.stop();
    const place = wanted !== undefined ? placeOf(this.deps.course, wanted) : undefined;
    if (place?.exercise.program !== undefined) void this.open(place.exercise.id);
    else if (state.program !== undefined) this.deps.store.dispatch({ type: 'program-closed' });
  }

  private async open(exerciseId: string, language?: ProgramLanguage): Promise<void> {
    const place = placeOf(this.deps.course, exerciseId);
    if (!place) return;
    this.stop();
    const generation = this.generation;
    let opened: OpenedProgram | undefined;
    try {
      opened = await this.deps.runs.open(place.exercise, language);
    } catch (error) {
      if (generation === this.generation) this.deps.store.dispatch({ type: 'notice', notice: { text: errorMessage(error), tone: 'error' } });
      return;
    }
    if (!opened || generation !== this.generation || this.shown !== exerciseId) return;
    const { file } = opened;
    // The folder, not the file: editors that save by writing a new file and renaming it over the old one replace the inode a file watch would follow.
    const watcher = watch(dirname(file), (_event, name) => {
      if (name === null || name === basename(file)) this.onEvent();
    });
    watcher.on('error', () => undefined);
    this.watched = { exerciseId, file, watcher, seen: await signature(file) };
    this.deps.store.dispatch({ type: 'program-opened', view: { exerciseId, ...opened } });
  }

  /** One save is several events (truncate and write, or write and rename): the events of one batch make one look at the file. */
  private onEvent(): void {
    if (this.batched) return;
    this.batched = true;
    setImmediate(() => {
      this.batched = false;
      void this.changed();
    });
  }

  private async changed(): Promise<void> {
    const watched = this.watched;
    if (!watched) return;
    const now = await signature(watched.file);
    // Gone for a moment (an editor's rename in progress): the event that brings it back comes next.
    if (now === undefined || now === watched.seen || watched !== this.watched) return;
    watched.seen = now;
    this.startRun(watched);
  }

  private startRun(watched: Watched): void {
    this.cancel?.abort();
    const generation = ++this.generation;
    const cancel = new AbortController();
    this.cancel = cancel;
    this.running = this.running.then(() => this.runOnce(watched, generation, cancel.signal)).catch((error: unknown) => {
      this.deps.store.dispatch({ type: 'notice', notice: { text: errorMessage(error), tone: 'error' } });
    });
  }

  private async runOnce(watched: Watched, generation: number, cancel: AbortSignal): Promise<void> {
    const current = () => generation === this.generation && watched === this.watched;
    if (!current()) return;
    const place = placeOf(this.deps.course, watched.exerciseId);
    if (!place) return;
    const { exerciseId } = watched;
    const { dispatch } = this.deps.store;
    dispatch({ type: 'program-run-started', exerciseId });
    const started = performance.now();
    const outcome = await this.deps.runs.run(place, watched.file, {
      onOutput: (text) => current() && dispatch({ type: 'program-output', exerciseId, text }),
      cancel,
    });
    if (!current()) return;
    const ms = performance.now() - started;
    if (outcome.kind === 'failed') {
      dispatch({ type: 'program-run-ended', exerciseId, run: { kind: 'failed', exitCode: outcome.exitCode, problem: outcome.problem, ms } });
      return;
    }
    this.deps.store.dispatchAll([
      { type: 'evaluated', result: outcome.result, ms, source: 'program' },
      { type: 'program-run-ended', exerciseId, run: { kind: 'checked', exitCode: outcome.exitCode, passed: outcome.result.passed, ms } },
    ]);
    if (outcome.result.passed) this.solved(exerciseId);
  }

  /** As the controller records a solve: the progress on screen, then saved (the outcome brings other tutors' progress merged in). */
  private solved(exerciseId: string): void {
    const { store, progressStore } = this.deps;
    const progress = markSolved(store.getState().progress, exerciseId);
    store.dispatch({ type: 'progress', progress });
    void progressStore.save(progress).then((outcome) => store.dispatch({ type: 'progress-save', outcome }));
  }

  private stop(): void {
    this.generation++;
    this.cancel?.abort();
    this.cancel = undefined;
    this.watched?.watcher.close();
    this.watched = undefined;
  }
}

/** What tells one save from the next: the change time and size (mtime has nanoseconds on Linux). */
async function signature(file: string): Promise<string | undefined> {
  const info = await stat(file, { bigint: true }).catch(() => undefined);
  return info?.isFile() ? `${info.mtimeNs}:${info.size}` : undefined;
}
