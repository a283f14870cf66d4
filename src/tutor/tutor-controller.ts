import { performance } from 'node:perf_hooks';
import type { Course, Language } from '../course/schema.js';
import type { Attempt } from '../engine/attempt.js';
import type { Supervisor } from '../engine/supervisor.js';
import { ExerciseServer } from './exercise-server.js';
import { errorMessage } from '../errors.js';
import type { Progress } from '../progress/progress-file.js';
import type { ProgressStore } from '../progress/progress-store.js';
import { forgetProgress, markSolved, markStarted, withLanguage } from '../progress/progress-updates.js';
import { INVALID_ARGUMENTS_MESSAGE, INVALID_REPEAT_MESSAGE, keepsInHistory, RESTART_MESSAGE, routeLine } from '../redis-cli/line-router.js';
import { AttemptView } from './attempt-view.js';
import { CommandRunner } from './command-runner.js';
import { moduleEntry, nextPlace, placeOf, prevPlace } from './course-nav.js';
import type { LearnerTap } from './learner-tap.js';
import { INITIAL_PROMPT, promptStep, type PromptEffect, type PromptEvent, type PromptMachine } from './prompt-mode.js';
import type { PromptServices } from './prompt-services.js';
import { connectNodeName } from '../engine/topology/connect-node.js';
import { labNodeFor, type ConnectTarget } from './lab-connect.js';
import { ScreenUpdates } from './screen-updates.js';
import { ServerRecovery } from './server-recovery.js';
import { BusyCommandStopper } from './stop-busy-command.js';
import type { AppState } from './state/app-state.js';
import type { AppStore } from './state/store.js';
import { texts } from './texts.js';
import { parseTutorCommand } from './tutor-commands.js';
import { runTutorCommand } from './tutor-command-handler.js';

export interface TutorControllerOptions {
  store: AppStore;
  course: Course;
  /** Keeps a working engine on the Redis; recovery goes through it. */
  supervisor: Supervisor;
  tap: LearnerTap;
  progressStore: ProgressStore;
  services: PromptServices;
}

/**
 * The tutor without its screens: what the learner's keys and lines do to the
 * exercise, the engine and the progress, turned into AppActions for the
 * store. The screens call its methods and read the store; it never renders.
 * Its parts: the prompt's modes (./prompt-mode.ts, pure), the line router
 * shared with `redis-tutor cli`, the command runner, the exercise's server
 * (a lab's own topology among them, ./exercise-server.ts), the panel reader
 * and the recovery (./server-recovery.ts).
 */
export class TutorController {
  readonly screen: ScreenUpdates;
  private machine: PromptMachine = INITIAL_PROMPT;
  private attempt: Attempt | undefined;
  /** Bumped whenever the exercise changes, so late results of the previous one are dropped. */
  private generation = 0;
  private closed = false;
  private readonly runner: CommandRunner;
  private readonly view: AttemptView;
  private readonly server: ExerciseServer;
  private readonly stopper: BusyCommandStopper;
  private readonly recovery: ServerRecovery;
  private readonly unsubscribeLost: () => void;

  constructor(private readonly options: TutorControllerOptions) {
    this.screen = new ScreenUpdates(options.store);
    this.server = new ExerciseServer(options.supervisor, this.screen);
    this.runner = new CommandRunner({ screen: this.screen, spec: options.supervisor.target.spec });
    this.stopper = new BusyCommandStopper(this.runner, options.supervisor, this.screen);
    const idle = () => this.state.promptMode === 'ready' && !this.state.lineRunning;
    this.view = new AttemptView({ screen: this.screen, engine: () => this.server.engine, onSolved: (id) => this.saveProgress(markSolved(this.state.progress, id)), idle, lab: () => this.server.lab });
    options.tap.onUnclaimed((reply) => this.runner.unclaimed(reply));
    this.recovery = new ServerRecovery({
      supervisor: options.supervisor,
      screen: this.screen,
      closed: () => this.closed,
      drop: () => {
        this.generation++;
        this.runner.detach();
        this.attempt = undefined;
        this.step({ type: 'lost' });
      },
      resume: () => this.resume(),
    });
    this.unsubscribeLost = options.supervisor.onServerLost(() => void this.recover(this.t.serverExited));
  }

  get state(): AppState {
    return this.screen.state;
  }

  private get t() {
    return texts(this.state.language);
  }

  // --- the prompt's modes ---

  private step(event: PromptEvent): void {
    const { machine, effects } = promptStep(this.machine, event);
    this.machine = machine;
    // 'leaving' looks like a running command to the screen: no prompt, no input.
    this.screen.dispatch({ type: 'prompt-mode', mode: machine.mode, lineRunning: machine.running });
    for (const effect of effects) void this.carryOut(effect);
  }

  private async carryOut(effect: PromptEffect): Promise<void> {
    switch (effect.type) {
      case 'run':
        this.screen.hold();
        try {
          await this.runLine(effect.line);
        } catch (error) {
          this.screen.say('warning', this.t.tutorError(errorMessage(error)));
        } finally {
          this.screen.release();
          this.step({ type: 'finished', connection: this.runner.mode });
        }
        return;
      case 'unblock':
        return this.stopper.stop();
      case 'leave-subscribe':
        return this.leave(() => this.runner.leaveSubscribe(), this.t.leftSubscribe);
      case 'leave-monitor':
        return this.leave(() => this.runner.leaveMonitor(), this.t.leftMonitor);
      case 'only-unsubscribe':
        this.screen.say('tutor', this.t.onlyUnsubscribe);
        return;
      case 'ask-quit':
        this.screen.dispatch({ type: 'confirm', question: 'quit' });
        return;
      case 'dismiss-confirm':
        this.screen.dispatch({ type: 'confirm', question: undefined });
        return;
    }
  }

  private async leave(way: () => Promise<void>, said: string): Promise<void> {
    const generation = this.generation;
    await way();
    if (generation !== this.generation) return;
    this.screen.say('tutor', said);
    this.step({ type: 'left' });
    await this.evaluate(generation);
    void this.refreshPanel(generation);
  }

  // --- navigation ---

  async openExercise(id: string): Promise<void> {
    const place = placeOf(this.options.course, id);
    if (!place || this.recovery.recovering) return;
    const generation = ++this.generation;
    this.runner.detach();
    this.view.reset();
    this.attempt = undefined;
    this.step({ type: 'opening' });
    this.screen.dispatch({ type: 'exercise-opened', exerciseId: id });
    this.saveProgress(markStarted(this.state.progress, id));
    let attempt: Attempt;
    try {
      const opened = await this.server.open(place, this.state.language);
      if (generation !== this.generation || opened === 'superseded') return;
      // A lab under --url: its line is said, and the prompt still takes tutor commands (:next).
      if (opened === 'skipped') return this.step({ type: 'opened' });
      attempt = await this.server.engine.startAttempt(place.exercise, { paced: true, onEvent: (event) => generation === this.generation && this.runner.actorEvent(event) });
    } catch (error) {
      if (generation !== this.generation) return;
      this.screen.say('warning', this.t.tutorError(errorMessage(error)));
      await this.recovery.checkHealth(errorMessage(error));
      return;
    }
    if (generation !== this.generation) return;
    this.attempt = attempt;
    this.runner.attach(this.server.engine, attempt);
    await this.evaluate(generation);
    if (generation !== this.generation) return;
    this.step({ type: 'opened' });
    void this.refreshPanel(generation);
    this.view.watch(attempt, () => generation === this.generation && attempt === this.attempt);
  }

  async next(): Promise<void> {
    const id = this.state.exerciseId;
    const next = id ? nextPlace(this.options.course, id) : undefined;
    if (next) return this.openExercise(next.exercise.id);
    this.menu();
  }

  async prev(): Promise<void> {
    const id = this.state.exerciseId;
    const prev = id ? prevPlace(this.options.course, id) : undefined;
    if (prev) return this.openExercise(prev.exercise.id);
  }

  async openModule(moduleId: string): Promise<void> {
    const module = this.options.course.modules.find((candidate) => candidate.id === moduleId);
    const exercise = module ? moduleEntry(module, this.state.progress) : undefined;
    if (exercise) await this.openExercise(exercise.id);
  }

  menu(): void {
    // Before the bump: a way out of subscribe mode started here is then silent (nobody is at the prompt to read it).
    this.step({ type: 'home' });
    this.generation++;
    this.view.reset();
    this.screen.dispatch({ type: 'home' });
    // A lab's servers are not kept running behind the menu.
    void this.server.leave();
  }

  // --- the prompt ---

  /** A line the learner entered at the prompt (Enter). */
  submit(line: string): Promise<void> {
    this.step({ type: 'entered', line });
    return Promise.resolve();
  }

  /** Ctrl-C: cancels a blocking command, leaves subscribe or monitor mode, or (at an empty prompt) asks before quitting. */
  interrupt(): Promise<void> {
    this.step({ type: 'interrupt', confirmOpen: this.state.confirm !== undefined });
    return Promise.resolve();
  }

  private async runLine(line: string): Promise<void> {
    const state = this.state;
    if (line.trim() === '') {
      // As in rustlings: once solved, Enter moves on.
      if (state.solvedNow) return this.next();
      this.screen.say('input', state.promptText);
      return;
    }
    this.screen.say('input', state.promptText + line);
    const route = routeLine(Buffer.from(line, 'utf8'));
    const tutorCommand = route.kind === 'preference' ? parseTutorCommand(line) : undefined;
    // Tutor commands are handy to recall now, noise in a file of Redis commands.
    if (tutorCommand) this.options.services.remember(line, { save: false });
    else if (keepsInHistory(route)) this.options.services.remember(line, { save: true });
    switch (route.kind) {
      case 'skip':
        return;
      case 'invalid-arguments':
        this.screen.say('reply', INVALID_ARGUMENTS_MESSAGE);
        this.runner.noteInvalidLine(line);
        return;
      case 'invalid-repeat':
        this.screen.say('reply', INVALID_REPEAT_MESSAGE);
        return;
      case 'quit':
        this.screen.dispatch({ type: 'confirm', question: 'quit' });
        return;
      case 'preference':
        if (tutorCommand) await runTutorCommand(tutorCommand, this.commandActions());
        return;
      case 'restart':
        this.screen.say('reply', RESTART_MESSAGE);
        return;
      case 'connect':
        if (this.server.lab) return this.connectInLab({ host: route.host, port: route.port });
        this.screen.say('tutor', this.t.connectStaysHere);
        return;
      case 'clear':
        this.screen.dispatch({ type: 'clear-transcript' });
        return;
      case 'help':
        if (route.words.length === 0) this.screen.say('note', this.t.noteHelpTutor);
        this.screen.say('reply', ...this.options.services.help(route.words).replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
        return;
      case 'command': {
        // `connect NODE`: a lab's nodes by name, as its solutions name them (redis-cli would send it to the server).
        const node = this.server.lab ? connectNodeName(line) : undefined;
        if (node !== undefined) return this.connectInLab({ name: node });
        return this.runCommand(route.args, route.repeated ? line.trimStart().replace(/^\S+\s+/, '') : line, route.repeat);
      }
    }
  }

  /** `connect NODE` or `connect HOST PORT` while a lab is open: the prompt moves to that node, or is told the lab's nodes. */
  private async connectInLab(to: ConnectTarget): Promise<void> {
    const lab = this.server.lab;
    if (!lab || !this.attempt) return;
    const found = labNodeFor(lab, to, this.state.language);
    if (found.kind === 'refused') return this.screen.say('tutor', found.why);
    await this.runner.connectNode(found.node);
    void this.refreshPanel(this.generation);
  }

  /** `text`: the line as typed without its repeat count, for the record. */
  private async runCommand(args: Buffer[], text: string, repeat: number): Promise<void> {
    if (!this.attempt) {
      if (this.server.skipped !== undefined) this.screen.say('warning', this.server.skipped);
      return;
    }
    const started = performance.now();
    const generation = this.generation;
    const failed = await this.runner.runRepeated(args, text, repeat, () => generation === this.generation);
    if (generation !== this.generation) return;
    if (failed !== undefined) return this.recovery.checkHealth(failed);
    await this.evaluate(generation, started);
    // In subscribe or monitor mode the panel waits: its reads would only be more lines in the learner's MONITOR.
    if (this.runner.mode === 'normal') void this.refreshPanel(generation);
  }

  private commandActions() {
    return {
      screen: this.screen,
      course: this.options.course,
      services: this.options.services,
      saveProgress: (progress: Progress) => this.saveProgress(progress),
      reset: async (id: string) => {
        await this.openExercise(id);
        this.screen.say('tutor', this.t.resetDone);
      },
      check: () => this.evaluate(this.generation, performance.now()).then(() => this.refreshPanel()),
      next: () => this.next(),
      prev: () => this.prev(),
      menu: () => this.menu(),
      setLanguage: (language: Language) => this.setLanguage(language),
    };
  }

  /** The answer to a yes/no question. */
  async answer(yes: boolean): Promise<void> {
    const question = this.state.confirm;
    this.screen.dispatch({ type: 'confirm', question: undefined });
    if (!yes || !question) return;
    if (question === 'quit') return this.quit();
    // The exit is noticed by the supervisor, which restarts the server and opens the exercise again.
    if (question === 'restart-server') return this.options.supervisor.killServer();
    if (question === 'solution') return runTutorCommand({ name: 'reveal-solution' }, this.commandActions());
    if (question === 'reset-progress') {
      this.saveProgress(forgetProgress(this.state.language));
      this.screen.say('tutor', this.t.progressForgotten);
    }
  }

  quit(): void {
    this.screen.dispatch({ type: 'quit' });
  }

  setLanguage(language: Language): void {
    this.screen.dispatch({ type: 'language', language });
    this.saveProgress(withLanguage(this.state.progress, language));
  }

  togglePanel(): void {
    this.screen.dispatch({ type: 'toggle-panel' });
  }

  // --- checks, progress and the panel ---

  private evaluate(generation: number, started?: number): Promise<void> {
    const attempt = this.attempt;
    if (!attempt) return Promise.resolve();
    return this.view.evaluate(attempt, () => generation === this.generation && attempt === this.attempt, started);
  }

  /** Reads the exercise's keys and the ones the learner touched, for the data panel. */
  async refreshPanel(generation: number = this.generation): Promise<void> {
    const attempt = this.attempt;
    if (!attempt) return;
    await this.view.refreshPanel(attempt, () => generation === this.generation);
  }

  private saveProgress(progress: Progress): void {
    this.screen.dispatch({ type: 'progress', progress });
    // The outcome says whether "saved" is true, and brings other tutors' progress merged in the file.
    void this.options.progressStore.save(progress).then((outcome) => this.screen.dispatch({ type: 'progress-save', outcome }));
  }

  // --- when the Redis goes away ---

  /** The server died or the connection is gone: see ./server-recovery.ts. */
  recover(reason: string): Promise<void> {
    return this.recovery.recover(reason);
  }

  /** The server is back: the exercise on screen starts again. */
  private async resume(): Promise<void> {
    this.step({ type: 'recovered' });
    const id = this.state.exerciseId;
    if (this.state.screen === 'exercise' && id) await this.openExercise(id);
    else this.step({ type: 'opened' });
  }

  /** Stops talking to the screen and the engine; the caller closes the supervisor and the target. */
  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    this.unsubscribeLost();
    this.options.tap.onUnclaimed(undefined);
    this.view.reset();
    this.screen.close();
    await this.server.close();
    await this.options.progressStore.flush();
    await this.options.services.flushHistory();
  }
}
