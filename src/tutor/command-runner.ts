import { performance } from 'node:perf_hooks';
import type { Language } from '../course/schema.js';
import { localize } from '../course/localize.js';
import type { Attempt } from '../engine/attempt.js';
import type { ActorEvent } from '../engine/attempt-events.js';
import { execOne } from '../engine/checker-pipeline.js';
import type { Engine } from '../engine/engine.js';
import { errorMessage } from '../errors.js';
import { withTimeout } from '../lib/async.js';
import { afterReconnect, applyCommand, dbToReselect, initialClientState, promptFor, type ClientState } from '../redis-cli/client-state.js';
import type { CommandTable } from '../redis-cli/command-docs.js';
import { commandWord } from '../redis-cli/command-word.js';
import { timingLine } from '../redis-cli/timing-line.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec } from '../redis/target.js';
import type { Reply } from '../resp/types.js';
import { isBlockingCommand } from './blocking-command.js';
import { MonitorFilter } from './monitor-filter.js';
import { loadCommandTable } from './prompt-services.js';
import { replyOutput } from './reply-output.js';
import { resetHintAfter, type ResetHint } from './reset-hint.js';
import type { ScreenUpdates } from './screen-updates.js';
import { texts } from './texts.js';
import { notesAfterReply, notesAfterSelect, notesForInvalidLine } from './tutor-notes.js';

/** What the learner's connection is doing after a command. */
export type ConnectionMode = 'normal' | 'subscribed' | 'monitoring';

/** How a command ended: its connection's mode, or why it could not run (the caller checks the server's health). */
export type CommandOutcome = { kind: 'answered'; connection: ConnectionMode; interrupted: boolean } | { kind: 'failed'; problem: string };

export interface CommandRunnerDeps {
  screen: ScreenUpdates;
  /** The sandbox server, for the prompt string. */
  spec: ConnectionSpec;
}

const SUBSCRIBE_COMMANDS = new Set(['subscribe', 'psubscribe', 'ssubscribe']);
const UNSUBSCRIBE_COMMANDS = new Set(['unsubscribe', 'punsubscribe', 'sunsubscribe']);
/** redis-cli repeats `N cmd` any number of times; the tutor stops at a number that cannot be a typo's victim. */
const MAX_REPEAT = 1_000;
/** The learner's connection could not be made (src/resp/connection.ts's ConnectError, worded as redis-cli's). */
const COULD_NOT_CONNECT = /^Could not connect to Redis at /;
/** UNSUBSCRIBE normally answers at once; a connection that does not is replaced, as redis-cli would. */
const LEAVE_SUBSCRIBE_TIMEOUT_MS = 2_000;

/**
 * The learner's Redis commands in the TUI: sends them on the attempt (which
 * records them and plays the actors), prints replies exactly as redis-cli
 * does, keeps redis-cli's client-side state (db, MULTI) for the prompt, and
 * the connection's subscribe and monitor modes. Replies nobody asked for
 * (messages, MONITOR lines, pushes) and the actors' moves are shown in the
 * order the learner would expect: after the reply they follow.
 */
export class CommandRunner {
  private attempt: Attempt | undefined;
  private engine: Engine | undefined;
  private client: ClientState = initialClientState();
  private connection: ConnectionMode = 'normal';
  /** SSUBSCRIBE was used: leaving needs SUNSUBSCRIBE too. */
  private shardSubscribed = false;
  private monitorFilter: MonitorFilter | undefined;
  private inFlight = false;
  /** A `connect` in a lab could not reach its node: the prompt says `not connected> ` until a command gets through. */
  private connected = true;
  private interruptRequested = false;
  /** On the way out of subscribe mode: every reply until the closing PONG belongs to the way out. */
  private leaving: { sawPong(): void } | undefined;
  /** Unclaimed replies and actor events that arrived while a command was in flight: shown after its reply. */
  private held: Array<() => void> = [];
  /** The echoed line the last notes were for: a repeat count (`3 PNIG`) gets them once, under the first error. */
  private notedInput: number | undefined;
  /** COMMAND DOCS for the notes under errors (did you mean, the syntax), read at the first error that needs it. */
  private commandTable: Promise<CommandTable> | undefined;

  constructor(private readonly deps: CommandRunnerDeps) {}

  private get language(): Language {
    return this.deps.screen.state.language;
  }

  /** A new attempt on a clean sandbox: its reset ended any subscribe or monitor mode on the server. */
  attach(engine: Engine, attempt: Attempt): void {
    this.engine = engine;
    this.attempt = attempt;
    this.client = initialClientState();
    this.connection = 'normal';
    this.shardSubscribed = false;
    this.monitorFilter = undefined;
    this.leaving = undefined;
    this.held = [];
    this.connected = true;
    this.updatePrompt();
  }

  /** The exercise is gone (another one opens, the server went away): late replies and events are dropped. */
  detach(): void {
    this.attempt = undefined;
    this.connection = 'normal';
    this.held = [];
  }

  get mode(): ConnectionMode {
    return this.connection;
  }

  /**
   * A typed command `repeat` times (redis-cli's `N cmd`), stopping at an
   * interrupt, a change of mode or when `current()` says the exercise
   * changed, then redis-cli's timing line. Says why it could not run, for
   * the caller to check the server's health.
   */
  async runRepeated(args: Buffer[], line: string, repeat: number, current: () => boolean): Promise<string | undefined> {
    const started = performance.now();
    for (let i = 0; i < Math.min(repeat, MAX_REPEAT); i++) {
      const outcome = await this.run(args, line);
      if (!current()) return undefined;
      if (outcome.kind === 'failed') return outcome.problem;
      if (outcome.interrupted || outcome.connection !== 'normal') break;
    }
    if (this.connection === 'normal') {
      // redis-cli's `(1.28s)` after a command that took half a second or more.
      const timing = timingLine(performance.now() - started, 'standard');
      if (timing !== null) this.deps.screen.say('reply', timing.trimEnd());
    }
    return undefined;
  }

  /** Sends one command (arguments after the repeat count) and prints its reply. */
  async run(args: Buffer[], line: string): Promise<CommandOutcome> {
    const attempt = this.attempt;
    if (!attempt) return { kind: 'failed', problem: 'no exercise is open' };
    const name = commandWord(args);
    // Known before the first MONITOR line can arrive (the actor answering MONITOR runs inside the command).
    if (name === 'monitor') this.monitorFilter = await this.tutorTrafficFilter(attempt);
    this.inFlight = true;
    this.interruptRequested = false;
    // Said at once but shown only if no reply came within the screen's grouping delay: a BLPOP on a full list never shows it.
    const waiting = isBlockingCommand(args);
    if (waiting) this.deps.screen.dispatch({ type: 'waiting-for-reply', waiting: true });
    let outcome;
    try {
      outcome = await attempt.runArgs(args, line);
    } finally {
      this.inFlight = false;
      if (waiting) this.deps.screen.dispatch({ type: 'waiting-for-reply', waiting: false });
    }
    if (attempt !== this.attempt) return { kind: 'failed', problem: 'the exercise changed' };
    if (outcome.problem !== undefined || !outcome.reply) {
      this.flushHeld();
      const problem = outcome.problem ?? 'no reply';
      // redis-cli's reconnect before a command failed (a lab's node that is down): its line as it prints it, and `not connected> `.
      const refused = COULD_NOT_CONNECT.test(problem);
      this.deps.screen.say('reply', refused ? problem : `Error: ${problem}`);
      if (refused) {
        this.connected = false;
        this.updatePrompt();
      }
      return { kind: 'failed', problem };
    }
    const reply = outcome.reply;
    this.connected = true;
    const interrupted = this.interruptRequested && reply.type === 'error' && reply.value.toString('utf8').startsWith('UNBLOCKED');
    if (interrupted) {
      this.deps.screen.say('tutor', texts(this.language).interrupted);
    } else {
      const entering = SUBSCRIBE_COMMANDS.has(name) && reply.type !== 'error';
      if (entering && this.connection !== 'subscribed') this.deps.screen.say('reply', texts(this.language).subscribeBanner);
      this.printReply(args, reply);
      this.sayResetHint(resetHintAfter(name, reply.type !== 'error', attempt.exercise));
      if (reply.type === 'error') this.sayNotes(notesAfterReply(args, reply, await this.loadCommandTable(), texts(this.language)));
      if (entering) this.connection = 'subscribed';
      if (entering && name === 'ssubscribe') this.shardSubscribed = true;
      // The server has run the whole UNSUBSCRIBE once its first confirmation is here: its count is final.
      if (this.connection === 'subscribed' && UNSUBSCRIBE_COMMANDS.has(name) && (await attempt.learnerSubscriptions()) === 0) {
        this.connection = 'normal';
        this.shardSubscribed = false;
      }
      // redis-cli enters monitor mode on a MONITOR that answered +OK (not on an error, not when queued in MULTI).
      if (name === 'monitor' && reply.type === 'status' && reply.value.toString('latin1') === 'OK') this.connection = 'monitoring';
    }
    const dbBefore = this.client.db;
    this.client = applyCommand(this.client, args, reply);
    if (this.client.db !== dbBefore) this.sayNotes(notesAfterSelect(this.client.db, this.deps.spec.db, texts(this.language)));
    this.updatePrompt();
    this.flushHeld();
    return { kind: 'answered', connection: this.connection, interrupted };
  }

  /** `Invalid argument(s)` was printed for this line (the router never sent it): the note says which quote to fix. */
  noteInvalidLine(line: string): void {
    this.deps.screen.say('note', ...notesForInvalidLine(line, texts(this.language)));
  }

  /** Ctrl-C during a command: wakes a blocking one (CLIENT UNBLOCK … ERROR); 'busy' when a script holds the server. */
  async interruptCommand(): Promise<'sent' | 'busy' | 'idle'> {
    const attempt = this.attempt;
    if (!attempt || !this.inFlight) return 'idle';
    this.interruptRequested = true;
    return attempt.interrupt();
  }

  /** A reply no command claimed: subscribe-mode messages, MONITOR lines and RESP3 pushes. */
  unclaimed(reply: Reply): void {
    if (this.leaving) {
      if (isPong(reply)) this.leaving.sawPong();
      return;
    }
    // Decided when shown, not when received: a line held during MONITOR itself is shown once monitoring is known.
    const show = () => {
      if (this.connection === 'monitoring') {
        if (reply.type === 'status' && this.monitorFilter?.shows(reply.value.toString('utf8')) === false) return;
        this.printReply([], reply);
        return;
      }
      // The confirmations after the first of an UNSUBSCRIBE that ended subscribe mode arrive after it ended.
      if (this.connection === 'subscribed' || reply.type === 'push' || isUnsubscribeConfirmation(reply)) this.printReply([], reply);
    };
    if (this.inFlight) this.held.push(show);
    else show();
  }

  /** The tutor playing the other client did something. */
  actorEvent(event: ActorEvent): void {
    const show = () => {
      this.deps.screen.say('actor', `⇄ ${localize(event.say, this.language)}`);
      event.lines.forEach((line, i) => this.deps.screen.say('actor', `  ${line}  → ${event.replies[i] ?? ''}`));
    };
    // While the learner waits (BRPOP), the tutor's move is news now; otherwise it follows the reply it reacted to.
    if (this.inFlight && event.trigger !== 'blocked') this.held.push(show);
    else show();
  }

  /**
   * Leaves subscribe mode the way a client can: UNSUBSCRIBE and PUNSUBSCRIBE
   * from everything, then a PING whose PONG is the last reply of the way
   * out (the confirmations before it, one per channel, are not shown). A
   * connection that does not answer is replaced, as redis-cli does on Ctrl-C.
   */
  async leaveSubscribe(): Promise<void> {
    const attempt = this.attempt;
    if (!attempt || this.connection !== 'subscribed') return;
    const commands = ['UNSUBSCRIBE', 'PUNSUBSCRIBE', ...(this.shardSubscribed ? ['SUNSUBSCRIBE'] : []), 'PING'];
    let sawPong!: () => void;
    const pong = new Promise<void>((resolve) => (sawPong = resolve));
    this.leaving = { sawPong };
    try {
      const way = (async () => {
        for (const command of commands) {
          const outcome = await attempt.runLine(command);
          if (outcome.reply && isPong(outcome.reply)) sawPong();
        }
        await pong;
      })();
      const left = await withTimeout(way, LEAVE_SUBSCRIBE_TIMEOUT_MS).then(
        () => true,
        () => false,
      );
      if (!left && attempt === this.attempt) await this.reconnectLearner();
    } finally {
      this.leaving = undefined;
      this.connection = 'normal';
      this.shardSubscribed = false;
    }
  }

  /**
   * Leaves monitor mode as redis-cli does on Ctrl-C: the monitoring
   * connection is closed (the server has no command to end MONITOR short of
   * RESET) and a new one made, on the db the prompt was on.
   */
  async leaveMonitor(): Promise<void> {
    if (this.connection !== 'monitoring') return;
    this.connection = 'normal';
    this.monitorFilter = undefined;
    await this.reconnectLearner();
  }

  /**
   * `connect NODE` in a lab: the attempt moves the learner's connection to
   * that node (the line validate and grade run too), and the prompt follows
   * as redis-cli's after `connect HOST PORT`: the new address, the
   * remembered db selected again, or `not connected> ` and why.
   */
  async connectNode(name: string): Promise<void> {
    const attempt = this.attempt;
    const engine = this.engine;
    if (!attempt || !engine) return;
    const outcome = await attempt.runLine(`connect ${name}`);
    if (attempt !== this.attempt) return;
    this.client = afterReconnect(this.client);
    if (outcome.problem !== undefined) {
      this.connected = false;
      this.deps.screen.say('reply', outcome.problem);
    } else {
      this.connected = true;
      await this.reselectDb(engine).catch((error: unknown) => this.deps.screen.say('warning', texts(this.language).tutorError(errorMessage(error))));
    }
    this.updatePrompt();
  }

  /** A new learner connection, and redis-cli's silent SELECT of the db it was on (cliConnect with CC_FORCE). */
  private async reconnectLearner(): Promise<void> {
    const engine = this.engine;
    if (!engine) return;
    try {
      await engine.learner.reconnect();
      this.client = afterReconnect(this.client);
      await this.reselectDb(engine);
    } catch (error) {
      this.deps.screen.say('warning', texts(this.language).tutorError(errorMessage(error)));
    }
    this.updatePrompt();
  }

  private async reselectDb(engine: Engine): Promise<void> {
    const db = dbToReselect(this.client);
    if (db === null) return;
    const args = [Buffer.from('SELECT'), Buffer.from(String(db))];
    this.client = applyCommand(this.client, args, await engine.learner.send(args));
  }

  private printReply(args: readonly Buffer[], reply: Reply): void {
    const output = replyOutput(args, reply);
    this.deps.screen.say(this.connection === 'normal' ? 'reply' : 'message', ...output.lines);
    if (output.omitted > 0) this.deps.screen.say('tutor', texts(this.language).moreNotShown(output.omitted));
  }

  private sayResetHint(hint: ResetHint | undefined): void {
    const t = texts(this.language);
    if (hint === 'setup-flushed') this.deps.screen.say('tutor', t.setupFlushed);
    if (hint === 'redis-reset') this.deps.screen.say('tutor', t.resetWentToRedis);
  }

  private sayNotes(notes: string[]): void {
    if (notes.length === 0) return;
    const input = this.deps.screen.state.transcript.findLast((entry) => entry.kind === 'input')?.id;
    if (input !== undefined && input === this.notedInput) return;
    this.notedInput = input;
    this.deps.screen.say('note', ...notes);
  }

  private loadCommandTable(): Promise<CommandTable> {
    this.commandTable ??= loadCommandTable(this.deps.spec);
    return this.commandTable;
  }

  private flushHeld(): void {
    const held = this.held;
    this.held = [];
    for (const show of held) show();
  }

  /** On the server the learner's connection is on: a lab's `connect` moves it (the sandbox's otherwise). */
  private updatePrompt(): void {
    const { host, port } = this.engine?.learner.spec ?? this.deps.spec;
    this.deps.screen.dispatch({ type: 'prompt-text', text: promptFor(this.client, { host, port, connected: this.connected }) });
  }

  /** Which MONITOR lines are the tutor's own (see MonitorFilter); read before MONITOR is sent. */
  private async tutorTrafficFilter(attempt: Attempt): Promise<MonitorFilter | undefined> {
    const engine = this.engine;
    if (!engine) return undefined;
    try {
      const list = await execOne(engine.checker, ['CLIENT', 'LIST']);
      return typeof list === 'string' ? MonitorFilter.fromClientList(list, CHECKER_CLIENT_NAME, attempt.exercise.actors) : undefined;
    } catch {
      // Without the list every line is shown: noisy, never wrong.
      return undefined;
    }
  }
}

function isUnsubscribeConfirmation(reply: Reply): boolean {
  if (reply.type !== 'array') return false;
  const [kind] = reply.items;
  return kind?.type === 'bulk' && UNSUBSCRIBE_COMMANDS.has(kind.value.toString('latin1'));
}

function isPong(reply: Reply): boolean {
  return reply.type === 'status' && reply.value.toString('latin1') === 'PONG';
}
