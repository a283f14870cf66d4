import { performance } from 'node:perf_hooks';
import type { Course, Language } from '../../course/schema.js';
import { localize } from '../../course/localize.js';
import type { Attempt } from '../../engine/attempt.js';
import type { ActorEvent } from '../../engine/attempt-events.js';
import { execOne } from '../../engine/checker-pipeline.js';
import type { Engine } from '../../engine/engine.js';
import { parseInline, spansText } from '../../markdown/inline.js';
import { fetchSnapshots, touchedKeys } from '../../data-panel/fetch-snapshots.js';
import { panelKeys } from '../../data-panel/panel-keys.js';
import { emptyProgress, type Progress } from '../../progress/progress-file.js';
import type { ProgressStore } from '../../progress/progress-store.js';
import { markHelped, markSolved, markStarted, withLanguage } from '../../progress/progress-updates.js';
import { isHelpCommand } from '../../redis-cli/help.js';
import { INVALID_REPEAT_MESSAGE, parseRepeatPrefix } from '../../redis-cli/repeat.js';
import { isSensitiveCommand } from '../../redis-cli/sensitive.js';
import { afterReconnect, applyCommand, dbToReselect, initialClientState, promptFor, type ClientState } from '../../redis-cli/client-state.js';
import { splitArgs } from '../../redis-cli/split-args.js';
import { CHECKER_CLIENT_NAME, type RedisTarget } from '../../redis/target.js';
import type { Reply } from '../../resp/types.js';
import type { PromptServices } from '../../tutor/prompt-services.js';
import type { AppAction } from '../../tutor/state/app-actions.js';
import { appReducer } from '../../tutor/state/app-reducer.js';
import type { AppState, TranscriptKind } from '../../tutor/state/app-state.js';
import type { AppStore } from '../../tutor/state/store.js';
import { redisWhere } from '../../tutor/redis-where.js';
import { texts } from '../../tutor/texts.js';
import { moduleEntry, nextPlace, placeOf, prevPlace } from '../../tutor/course-nav.js';
import type { LearnerTap } from '../../tutor/learner-tap.js';
import { MonitorFilter } from '../../tutor/monitor-filter.js';
import { replyOutput } from '../../tutor/reply-output.js';
import { parseTutorCommand, type TutorCommand } from '../../tutor/tutor-commands.js';

/** A private server can be restarted; the session only needs these two calls of it. */
export interface RestartableTarget {
  restart(): Promise<void>;
  onUnexpectedExit(listener: () => void): () => void;
}

export interface TutorSessionOptions {
  store: AppStore;
  course: Course;
  target: RedisTarget & Partial<RestartableTarget>;
  /** The engine opened on the target at start. */
  engine: Engine;
  /** Opens an engine on the target (again after the server came back). */
  openEngine: () => Promise<Engine>;
  tap: LearnerTap;
  progressStore: ProgressStore;
  services: PromptServices;
  /** Called once the learner confirmed quitting; the caller unmounts and cleans up. */
  onQuit: () => void;
}

const SUBSCRIBE_COMMANDS = new Set(['subscribe', 'psubscribe', 'ssubscribe']);
const MAX_PANEL_KEYS = 8;
/** redis-cli repeats `N cmd` any number of times; the tutor stops at a number that cannot be a typo's victim. */
const MAX_REPEAT = 1_000;
const RECONNECT_ATTEMPTS = 30;
/** Longer than a local round trip plus the checks, shorter than a person notices. */
const HOLD_MS = 40;
/** UNSUBSCRIBE normally answers at once; a connection that does not is replaced, as redis-cli would. */
const LEAVE_SUBSCRIBE_TIMEOUT_MS = 2_000;

/**
 * The TUI's controller: it owns the engine, the current attempt, the
 * learner's redis-cli session state and the progress file, and turns what
 * they do into AppActions. Screens call its methods and never touch the
 * engine; it never renders.
 */
export class TutorSession {
  private engine: Engine | undefined;
  private attempt: Attempt | undefined;
  private cli: ClientState = initialClientState();
  /** Bumped whenever the exercise changes, so late results of the previous one are dropped. */
  private generation = 0;
  private inFlight = false;
  private interrupted = false;
  private subscribed = false;
  /** SSUBSCRIBE was used: leaving needs SUNSUBSCRIBE too. */
  private shardSubscribed = false;
  private leavingSubscribe = false;
  /** MONITOR answered OK: the learner's connection streams every command until Ctrl-C. */
  private monitoring = false;
  private monitorFilter: MonitorFilter | undefined;
  /** Unclaimed replies and actor events that arrived while a command was in flight: shown after its reply. */
  private held: Array<() => void> = [];
  private touched: string[] = [];
  private seenCommands = 0;
  private recovering = false;
  private closed = false;
  private readonly unsubscribeExit: (() => void) | undefined;
  private holding = false;
  private busyWithLine = false;
  private typedAhead: string[] = [];
  private pending: AppAction[] = [];
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: TutorSessionOptions) {
    this.engine = options.engine;
    options.tap.onUnclaimed((reply) => this.unclaimed(reply));
    const { target } = options;
    this.unsubscribeExit =
      target.kind === 'private' && target.onUnexpectedExit
        ? target.onUnexpectedExit(() => void this.recover(this.t.serverExited))
        : undefined;
  }

  /** The state as it will be once held updates reach the screen. */
  get state(): AppState {
    return this.pending.reduce(appReducer, this.options.store.getState());
  }

  private dispatch(action: AppAction): void {
    if (this.closed) return;
    if (this.holding) this.pending.push(action);
    else this.options.store.dispatch(action);
  }

  /**
   * Holds screen updates while a command runs, so its echo, its reply, the
   * new prompt and the checklist reach the screen in one render. A command
   * still running after HOLD_MS (BRPOP, a slow server) is shown as running.
   */
  private holdUpdates(): void {
    this.holding = true;
    clearTimeout(this.holdTimer);
    this.holdTimer = setTimeout(() => this.releaseUpdates(), HOLD_MS);
  }

  private releaseUpdates(): void {
    clearTimeout(this.holdTimer);
    this.holding = false;
    const pending = this.pending;
    this.pending = [];
    if (pending.length > 0 && !this.closed) this.options.store.dispatchAll(pending);
  }

  private say(kind: TranscriptKind, ...lines: string[]): void {
    this.dispatch({ type: 'append', lines: lines.map((text) => ({ kind, text })) });
  }

  private get t() {
    return texts(this.state.language);
  }

  // --- navigation ---

  async openExercise(id: string): Promise<void> {
    const place = placeOf(this.options.course, id);
    const engine = this.engine;
    if (!place || !engine) return;
    const generation = ++this.generation;
    // The sandbox reset sends RESET, which also ends subscribe and monitor mode on the server.
    this.subscribed = false;
    this.shardSubscribed = false;
    this.monitoring = false;
    this.monitorFilter = undefined;
    if (!this.busyWithLine) this.typedAhead = [];
    this.held = [];
    this.touched = [];
    this.seenCommands = 0;
    this.dispatch({ type: 'exercise-opened', exerciseId: id });
    this.dispatch({ type: 'prompt-mode', mode: 'starting' });
    this.saveProgress(markStarted(this.state.progress, id));
    let attempt: Attempt;
    try {
      attempt = await engine.startAttempt(place.exercise, { onEvent: (event) => this.actorEvent(event, generation) });
    } catch (error) {
      if (generation !== this.generation) return;
      this.say('warning', this.t.tutorError(message(error)));
      await this.checkHealth(message(error));
      return;
    }
    if (generation !== this.generation) return;
    this.attempt = attempt;
    this.cli = initialClientState();
    this.updatePrompt();
    await this.evaluate(generation);
    if (generation !== this.generation) return;
    this.dispatch({ type: 'prompt-mode', mode: 'ready' });
    void this.refreshPanel(generation);
    if (!this.busyWithLine) this.runTypedAhead();
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
    this.generation++;
    if (this.subscribed) void this.leaveSubscribe(false);
    if (this.monitoring) void this.leaveMonitor(false);
    this.dispatch({ type: 'home' });
  }

  // --- the prompt ---

  /** A line the learner entered at the prompt (Enter). */
  async submit(line: string): Promise<void> {
    // Typed ahead while a command runs or the exercise starts: run it next, as a terminal would.
    if (this.busyWithLine || this.state.promptMode === 'busy' || this.state.promptMode === 'starting') {
      this.typedAhead.push(line);
      return;
    }
    this.busyWithLine = true;
    this.holdUpdates();
    try {
      await this.submitLine(line);
    } finally {
      this.releaseUpdates();
      this.busyWithLine = false;
    }
    this.runTypedAhead();
  }

  private runTypedAhead(): void {
    const next = this.typedAhead.shift();
    if (next !== undefined && this.state.promptMode === 'ready') void this.submit(next);
  }

  private async submitLine(line: string): Promise<void> {
    const state = this.state;
    if (state.promptMode !== 'ready' || !this.attempt) return;
    const trimmed = line.trim();
    if (trimmed === '') {
      // As in rustlings: once solved, Enter moves on.
      if (state.solvedNow) return this.next();
      this.say('input', state.promptText);
      return;
    }
    this.say('input', state.promptText + line);
    const tutor = parseTutorCommand(line);
    if (tutor) {
      this.options.services.remember(line, { save: false });
      return this.tutorCommand(tutor);
    }
    const args = splitArgs(Buffer.from(line, 'utf8'));
    if (args === null) {
      // redis-cli keeps an unparsable line, so it can be recalled and fixed.
      this.options.services.remember(line, { save: true });
      this.say('reply', 'Invalid argument(s)');
      return;
    }
    if (args.length === 0) return;
    const repeat = parseRepeatPrefix(args);
    if (repeat.kind === 'invalid') {
      this.say('reply', INVALID_REPEAT_MESSAGE);
      return;
    }
    const command = repeat.args;
    // AUTH, HELLO … AUTH, ACL SETUSER and the like are neither recalled nor written down, as in redis-cli.
    if (!isSensitiveCommand(command)) this.options.services.remember(line, { save: true });
    const name = (command[0] ?? Buffer.alloc(0)).toString('utf8').toLowerCase();
    if (isHelpCommand(command[0] ?? '')) {
      this.say('reply', ...this.options.services.help(command.slice(1)).replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));
      return;
    }
    if ((name === 'quit' || name === 'exit') && command.length === 1) {
      this.dispatch({ type: 'confirm', question: 'quit' });
      return;
    }
    if (name === 'clear' && command.length === 1) {
      this.dispatch({ type: 'clear-transcript' });
      return;
    }
    // The line without its repeat count, as the engine parses lines itself.
    const text = repeat.kind === 'repeat' ? line.trimStart().replace(/^\S+\s+/, '') : line;
    const times = repeat.kind === 'repeat' ? Math.min(repeat.count, MAX_REPEAT) : 1;
    const started = performance.now();
    const generation = this.generation;
    // Known before the first MONITOR line can arrive (the actor answering MONITOR runs inside the command).
    if (name === 'monitor') this.monitorFilter = await this.tutorTrafficFilter();
    for (let i = 0; i < times; i++) {
      const ok = await this.runRedisLine(text, command, generation);
      if (!ok || generation !== this.generation) return;
    }
    if (this.subscribed || this.monitoring) {
      // The checks still run ("you are subscribed", "you are monitoring" are things to check);
      // the panel waits, as its reads would only be more lines in the learner's MONITOR.
      await this.evaluate(generation, started);
      return;
    }
    await this.evaluate(generation, started);
    void this.refreshPanel(generation);
  }

  /** Sends one line to Redis and prints the reply like redis-cli. Returns false when the line could not run. */
  private async runRedisLine(text: string, args: Buffer[], generation: number): Promise<boolean> {
    const attempt = this.attempt;
    if (!attempt) return false;
    this.inFlight = true;
    this.interrupted = false;
    this.dispatch({ type: 'prompt-mode', mode: 'busy' });
    let outcome;
    try {
      outcome = await attempt.runLine(text);
    } finally {
      this.inFlight = false;
    }
    if (generation !== this.generation) return false;
    if (outcome.problem !== undefined || !outcome.reply) {
      this.flushHeld();
      this.say('reply', `Error: ${outcome.problem ?? 'no reply'}`);
      this.dispatch({ type: 'prompt-mode', mode: 'ready' });
      await this.checkHealth(outcome.problem ?? 'no reply');
      return false;
    }
    const reply = outcome.reply;
    const name = (args[0] ?? Buffer.alloc(0)).toString('utf8').toLowerCase();
    if (this.interrupted && reply.type === 'error' && reply.value.toString('utf8').startsWith('UNBLOCKED')) {
      this.say('tutor', this.t.interrupted);
    } else {
      const entering = SUBSCRIBE_COMMANDS.has(name) && reply.type !== 'error';
      if (entering && !this.subscribed) this.say('reply', this.t.subscribeBanner);
      this.printReply(args, reply);
      if (entering) this.subscribed = true;
      if (entering && name === 'ssubscribe') this.shardSubscribed = true;
      // redis-cli enters monitor mode on a MONITOR that answered +OK (not on an error, not when queued in MULTI).
      if (name === 'monitor' && reply.type === 'status' && reply.value.toString('latin1') === 'OK') this.monitoring = true;
    }
    this.cli = applyCommand(this.cli, args, reply);
    this.updatePrompt();
    this.flushHeld();
    this.dispatch({ type: 'prompt-mode', mode: this.subscribed ? 'subscribed' : this.monitoring ? 'monitoring' : 'ready' });
    return true;
  }

  private printReply(args: readonly Buffer[], reply: Reply): void {
    const output = replyOutput(args, reply);
    this.say(this.subscribed || this.monitoring ? 'message' : 'reply', ...output.lines);
    if (output.omitted > 0) this.say('tutor', this.t.moreNotShown(output.omitted));
  }

  /** A reply no command claimed: subscribe-mode messages, MONITOR lines and RESP3 pushes. */
  private unclaimed(reply: Reply): void {
    // Decided when shown, not when received: a line held during MONITOR itself is shown once monitoring is known.
    const show = () => {
      if (this.leavingSubscribe) return;
      if (this.monitoring) {
        if (reply.type === 'status' && this.monitorFilter?.shows(reply.value.toString('utf8')) === false) return;
        this.printReply([], reply);
        return;
      }
      if (this.subscribed || reply.type === 'push') this.printReply([], reply);
    };
    if (this.inFlight) this.held.push(show);
    else show();
  }

  private actorEvent(event: ActorEvent, generation: number): void {
    if (generation !== this.generation) return;
    const show = () => {
      this.say('actor', `⇄ ${localize(event.say, this.state.language)}`);
      event.lines.forEach((line, i) => this.say('actor', `  ${line}  → ${event.replies[i] ?? ''}`));
    };
    // While the learner waits (BRPOP), the tutor's move is news now; otherwise it follows the reply it reacted to.
    if (this.inFlight && event.trigger !== 'blocked') this.held.push(show);
    else show();
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = [];
    for (const show of held) show();
  }

  private updatePrompt(): void {
    const spec = this.options.target.spec;
    this.dispatch({ type: 'prompt-text', text: promptFor(this.cli, { host: spec.host, port: spec.port, connected: true }) });
  }

  /**
   * Ctrl-C. Cancels a blocking command, leaves subscribe mode, or (at an
   * empty prompt, which the prompt component decides) asks before quitting.
   */
  async interrupt(): Promise<void> {
    const mode = this.state.promptMode;
    if (mode === 'busy' && this.attempt) {
      this.interrupted = true;
      await this.attempt.interrupt();
      return;
    }
    if (mode === 'subscribed') return this.leaveSubscribe(true);
    if (mode === 'monitoring') return this.leaveMonitor(true);
    if (this.state.confirm) {
      this.dispatch({ type: 'confirm', question: undefined });
      return;
    }
    this.dispatch({ type: 'confirm', question: 'quit' });
  }

  /** Leaves subscribe mode the way a client can: UNSUBSCRIBE and PUNSUBSCRIBE from everything. */
  private async leaveSubscribe(report: boolean): Promise<void> {
    const attempt = this.attempt;
    if (!attempt || !this.subscribed) return;
    const generation = this.generation;
    this.leavingSubscribe = true;
    this.dispatch({ type: 'prompt-mode', mode: 'busy' });
    const shard = this.shardSubscribed;
    try {
      const unsubscribe = async () => {
        await attempt.runLine('UNSUBSCRIBE');
        await attempt.runLine('PUNSUBSCRIBE');
        if (shard) await attempt.runLine('SUNSUBSCRIBE');
      };
      // A connection that does not answer is closed and a new one made: what redis-cli does on Ctrl-C.
      const left = await withTimeout(unsubscribe(), LEAVE_SUBSCRIBE_TIMEOUT_MS).then(
        () => true,
        () => false,
      );
      if (!left && generation === this.generation) await this.reconnectLearner();
    } finally {
      this.subscribed = false;
      this.shardSubscribed = false;
      // The remaining confirmations arrive right behind; let them pass unseen.
      setTimeout(() => (this.leavingSubscribe = false), 50);
    }
    if (generation !== this.generation) return;
    if (report) this.say('tutor', this.t.leftSubscribe);
    this.dispatch({ type: 'prompt-mode', mode: 'ready' });
    await this.evaluate(generation);
    void this.refreshPanel(generation);
  }

  /**
   * Leaves monitor mode as redis-cli does on Ctrl-C: the monitoring
   * connection is closed (the server has no command to end MONITOR short of
   * RESET) and a new one made, on the db the prompt was on.
   */
  private async leaveMonitor(report: boolean): Promise<void> {
    if (!this.monitoring) return;
    const generation = this.generation;
    this.monitoring = false;
    this.monitorFilter = undefined;
    this.dispatch({ type: 'prompt-mode', mode: 'busy' });
    await this.reconnectLearner();
    if (generation !== this.generation) return;
    if (report) this.say('tutor', this.t.leftMonitor);
    this.dispatch({ type: 'prompt-mode', mode: 'ready' });
    await this.evaluate(generation);
    void this.refreshPanel(generation);
  }

  /** A new learner connection, and redis-cli's silent SELECT of the db it was on (cliConnect with CC_FORCE). */
  private async reconnectLearner(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    try {
      await engine.learner.reconnect();
      this.cli = afterReconnect(this.cli);
      const db = dbToReselect(this.cli);
      if (db !== null) {
        const args = [Buffer.from('SELECT'), Buffer.from(String(db))];
        this.cli = applyCommand(this.cli, args, await engine.learner.send(args));
      }
    } catch (error) {
      this.say('warning', this.t.tutorError(message(error)));
      await this.checkHealth(message(error));
    }
    this.updatePrompt();
  }

  /** Which MONITOR lines are the tutor's own (see MonitorFilter); read before MONITOR is sent. */
  private async tutorTrafficFilter(): Promise<MonitorFilter | undefined> {
    const engine = this.engine;
    const attempt = this.attempt;
    if (!engine || !attempt) return undefined;
    try {
      const list = await execOne(engine.checker, ['CLIENT', 'LIST']);
      return typeof list === 'string' ? MonitorFilter.fromClientList(list, CHECKER_CLIENT_NAME, attempt.exercise.actors) : undefined;
    } catch {
      // Without the list every line is shown: noisy, never wrong.
      return undefined;
    }
  }

  /** The answer to a yes/no question. */
  async answer(yes: boolean): Promise<void> {
    const question = this.state.confirm;
    this.dispatch({ type: 'confirm', question: undefined });
    if (!yes || !question) return;
    if (question === 'quit') return this.quit();
    if (question === 'solution') return this.revealSolution();
    if (question === 'reset-progress') {
      const fresh = { ...emptyProgress(), language: this.state.language };
      this.saveProgress(fresh);
      this.say('tutor', this.t.progressForgotten);
    }
  }

  quit(): void {
    this.dispatch({ type: 'quit' });
    this.options.onQuit();
  }

  // --- tutor commands ---

  private async tutorCommand(command: TutorCommand): Promise<void> {
    const exercise = this.currentExercise();
    switch (command.name) {
      case 'hint': {
        if (!exercise) return;
        const shown = this.state.hintsShown;
        const hint = exercise.hints[shown];
        if (!hint) {
          this.say('tutor', this.t.noMoreHints);
          return;
        }
        this.dispatch({ type: 'hint-shown' });
        this.say('tutor', this.t.hintLabel(shown + 1, exercise.hints.length) + spansText(parseInline(localize(hint, this.state.language))));
        return;
      }
      case 'solution':
        this.dispatch({ type: 'confirm', question: 'solution' });
        return;
      case 'reset':
        if (exercise) {
          await this.openExercise(exercise.id);
          this.say('tutor', this.t.resetDone);
        }
        return;
      case 'check':
        await this.evaluate(this.generation, performance.now());
        return;
      case 'next':
        return this.next();
      case 'prev':
        return this.prev();
      case 'menu':
        return this.menu();
      case 'lang':
        this.setLanguage(command.language ?? (this.state.language === 'en' ? 'ru' : 'en'));
        this.say('tutor', this.t.languageSet);
        return;
      case 'panel':
        this.dispatch({ type: 'toggle-panel' });
        return;
      case 'help':
        this.say('tutor', ...this.t.help);
        return;
      case 'quit':
        this.dispatch({ type: 'confirm', question: 'quit' });
        return;
      case 'reset-progress':
        this.dispatch({ type: 'confirm', question: 'reset-progress' });
        return;
      case 'set-hints':
        this.options.services.hintsEnabled = command.on;
        return;
      case 'unknown':
        this.say('tutor', this.t.unknownTutorCommand(command.text));
        return;
    }
  }

  private revealSolution(): void {
    const exercise = this.currentExercise();
    if (!exercise) return;
    this.saveProgress(markHelped(this.state.progress, exercise.id));
    this.say('tutor', this.t.solutionLabel, ...exercise.solution.replace(/\n$/, '').split('\n').map((line) => `  ${line}`));
  }

  setLanguage(language: Language): void {
    this.dispatch({ type: 'language', language });
    this.saveProgress(withLanguage(this.state.progress, language));
  }

  togglePanel(): void {
    this.dispatch({ type: 'toggle-panel' });
  }

  // --- checks, progress and the panel ---

  private async evaluate(generation: number, started?: number): Promise<void> {
    const attempt = this.attempt;
    if (!attempt) return;
    let result;
    try {
      result = await attempt.evaluate({ wait: false });
    } catch (error) {
      this.say('warning', this.t.tutorError(message(error)));
      return;
    }
    if (generation !== this.generation) return;
    this.dispatch({ type: 'evaluated', result, ...(started !== undefined ? { ms: performance.now() - started } : {}) });
    if (result.passed) {
      this.saveProgress(markSolved(this.state.progress, result.id));
      return;
    }
    // Checks that may wait (a message still on its way) get their time, then the checklist updates again.
    // Not awaited: the prompt is back at once, and the checklist updates when the wait is over.
    const waits = attempt.exercise.checks.some((check, i) => (check.wait ?? 0) > 0 && !result.checks[i]?.passed);
    if (waits) void this.evaluateAfterWait(attempt, generation);
  }

  private async evaluateAfterWait(attempt: Attempt, generation: number): Promise<void> {
    const later = await attempt.evaluate().catch(() => undefined);
    if (!later || generation !== this.generation || attempt !== this.attempt) return;
    this.dispatch({ type: 'evaluated', result: later });
    if (later.passed) this.saveProgress(markSolved(this.state.progress, later.id));
  }

  /** Reads the exercise's keys and the ones the learner touched, for the data panel. */
  async refreshPanel(generation: number = this.generation): Promise<void> {
    const engine = this.engine;
    const attempt = this.attempt;
    if (!engine || !attempt) return;
    try {
      const fresh = attempt.commands.slice(this.seenCommands);
      this.seenCommands = attempt.commands.length;
      this.touched.push(...(await touchedKeys(engine.checker, fresh)));
      const keys = panelKeys(attempt.exercise.keys, this.touched, MAX_PANEL_KEYS);
      const snapshots = await fetchSnapshots(engine.checker, keys);
      if (generation !== this.generation) return;
      this.dispatch({ type: 'panel', panel: { snapshots, pinned: [...attempt.exercise.keys] } });
    } catch {
      // The panel is a view; a failed read leaves the last picture up.
    }
  }

  private saveProgress(progress: Progress): void {
    this.dispatch({ type: 'progress', progress });
    void this.options.progressStore.save(progress).then(() => {
      const error = this.options.progressStore.error;
      if (error) this.dispatch({ type: 'notice', notice: { text: this.t.saveFailed(error.message), tone: 'warning' } });
    });
  }

  private currentExercise() {
    const id = this.state.exerciseId;
    return id ? placeOf(this.options.course, id)?.exercise : undefined;
  }

  // --- when the Redis goes away ---

  /** After a failed command: is the server still there? If not, bring it back. */
  private async checkHealth(reason: string): Promise<void> {
    const engine = this.engine;
    if (!engine || this.recovering) return;
    const alive = await Promise.race([
      engine.checker.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1_000)),
    ]);
    if (!alive) await this.recover(reason);
  }

  /**
   * The server died or the connection is gone: restart the private server
   * (or wait for the URL to answer), open a new engine, reset the exercise.
   * Progress lives in the file, so nothing of it is lost.
   */
  async recover(reason: string): Promise<void> {
    if (this.recovering || this.closed) return;
    this.recovering = true;
    this.generation++;
    this.subscribed = false;
    this.monitoring = false;
    this.monitorFilter = undefined;
    this.dispatch({ type: 'prompt-mode', mode: 'recovering' });
    const { target } = this.options;
    const restartable = target.kind === 'private' && target.restart;
    this.dispatch({ type: 'notice', notice: { text: `${this.t.redisGone(reason)} ${restartable ? this.t.restarting : this.t.reconnecting}`, tone: 'warning' } });
    const old = this.engine;
    this.engine = undefined;
    this.attempt = undefined;
    if (old) await withTimeout(old.close(), 2_000).catch(() => undefined);
    try {
      if (restartable) await target.restart?.();
      this.engine = await this.openEngineWithRetries(restartable ? 3 : RECONNECT_ATTEMPTS);
    } catch (error) {
      this.recovering = false;
      this.dispatch({ type: 'notice', notice: { text: `${this.t.redisLost} (${message(error)})`, tone: 'error' } });
      return;
    }
    this.recovering = false;
    this.dispatch({ type: 'redis', redis: redisWhere(target) });
    this.dispatch({ type: 'notice', notice: { text: this.t.redisBack, tone: 'info' } });
    const id = this.state.exerciseId;
    if (this.state.screen === 'exercise' && id) await this.openExercise(id);
    else this.dispatch({ type: 'prompt-mode', mode: 'ready' });
  }

  private async openEngineWithRetries(attempts: number): Promise<Engine> {
    let lastError: unknown;
    for (let i = 0; i < attempts; i++) {
      try {
        return await this.options.openEngine();
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    throw lastError instanceof Error ? lastError : new Error(String(lastError));
  }

  /** The engine to close at exit (the caller owns the target). */
  async close(): Promise<void> {
    this.closed = true;
    this.generation++;
    this.unsubscribeExit?.();
    this.options.tap.onUnclaimed(undefined);
    await this.options.progressStore.flush();
    await this.options.services.flushHistory();
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await withTimeout(engine.close(), 2_000).catch(() => undefined);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), ms).unref())]);
}
