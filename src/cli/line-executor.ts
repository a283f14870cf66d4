/**
 * Runs typed lines the way redis-cli 7.0's REPL does, one at a time:
 * local commands, the repeat count, sending, printing, client-side state,
 * reconnection, subscribe/MONITOR mode and the `(N.NNs)` line. It writes to
 * the sink it is given and knows nothing about terminals or Ink, so the
 * pipe mode, the interactive mode and a UI prompt can all drive it.
 */
import { ConnectionClosedError, type CloseReason, type RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import type { CommandTable } from '../redis-cli/command-docs.js';
import { formatPush, formatReplyForCommand, UnknownReplyTypeError, type OutputMode } from '../redis-cli/format.js';
import { helpText } from '../redis-cli/help.js';
import { applyPreference, type Preferences } from '../redis-cli/rc-file.js';
import { isAnsweredReset } from '../redis-cli/answered-reset.js';
import { applyCommand, isReselectingAuth } from '../redis-cli/client-state.js';
import { CliExit } from './cli-exit.js';
import { commandWord } from '../redis-cli/command-word.js';
import { isSubscribe } from './command-kind.js';
import { INVALID_ARGUMENTS_MESSAGE, INVALID_REPEAT_MESSAGE, keepsInHistory, RESTART_MESSAGE, routeLine, type LineRoute } from '../redis-cli/line-router.js';
import type { OutputSink } from './output-sink.js';
import { readCommandReply } from './read-reply.js';
import type { ServerLink } from './server-link.js';
import { timingLine } from '../redis-cli/timing-line.js';
import { parseClusterRedirect, redirectLine } from '../redis-cli/cluster-redirect.js';

export interface LineExecutorOptions {
  link: ServerLink;
  sink: OutputSink;
  mode: OutputMode;
  /** Print RESP3 pushes as they arrive: stdout is a terminal, or FAKETTY is set. */
  pushOutput: boolean;
  /**
   * redis-cli's config.interactive (the REPL, whatever stdin is): a lost
   * connection is reported and the next command reconnects. One-shot mode
   * exits with status 1 instead.
   */
  reconnectOnLoss: boolean;
  /**
   * Ctrl-C during any command cancels it and keeps the session (the
   * tutor's deliberate divergence for terminals). Otherwise, as in redis-cli,
   * only subscribe and MONITOR mode are left; any other command exits 1.
   */
  cancelAnyCommandOnInterrupt: boolean;
  /** The help table from COMMAND DOCS, awaited when help is asked for. */
  commandTable: () => Promise<CommandTable>;
  preferences: { get(): Preferences; set(preferences: Preferences): void };
  /** Adds a line to the history (interactive terminals only). */
  addToHistory?: (line: Buffer) => void;
  /**
   * `-c`: MOVED and ASK are followed. 'announce' prints redis-cli's
   * `-> Redirected to slot [N] located at HOST:PORT` (its REPL, on a terminal
   * or a pipe); 'silent' follows without a word (a command given as arguments).
   */
  clusterRedirects?: 'off' | 'announce' | 'silent';
}

export type InterruptOutcome = 'cancelled' | 'exit' | 'idle';

/** What reading a reply can end in besides a reply. */
type ReadFailure = { kind: 'interrupted' } | { kind: 'lost'; reason: CloseReason } | { kind: 'silent' };

const READING_MESSAGES = 'Reading messages... (press Ctrl-C to quit)\n';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export class LineExecutor {
  readonly link: ServerLink;
  readonly sink: OutputSink;
  readonly mode: OutputMode;
  private readonly options: LineExecutorOptions;
  private running = false;
  private streaming = false;
  private interrupted = false;
  /** redis-cli's cluster_reissue_command: the last reply was a redirect, send the command again where it points. */
  private reissue = false;
  /** redis-cli's cluster_send_asking: the redirect was ASK. */
  private sendAsking = false;

  constructor(options: LineExecutorOptions) {
    this.options = options;
    this.link = options.link;
    this.sink = options.sink;
    this.mode = options.mode;
  }

  /** True while a line is being run (the caller must not start another). */
  get busy(): boolean {
    return this.running;
  }

  /** One line as typed. Throws CliExit where redis-cli exits. */
  async runLine(line: Buffer): Promise<void> {
    await this.runRoute(routeLine(line), line);
  }

  async runRoute(route: LineRoute, line: Buffer): Promise<void> {
    this.running = true;
    try {
      await this.dispatch(route, line);
    } finally {
      this.running = false;
      await this.sink.flush();
    }
  }

  /**
   * SIGINT while a line runs. In subscribe/MONITOR mode (or any command, with
   * cancelAnyCommandOnInterrupt) the socket is closed and the session
   * reconnects silently; otherwise redis-cli exits with status 1.
   */
  interrupt(): InterruptOutcome {
    if (!this.running) return 'idle';
    if (!this.streaming && !this.options.cancelAnyCommandOnInterrupt) return 'exit';
    this.interrupted = true;
    this.link.connection?.destroy();
    return 'cancelled';
  }

  private async dispatch(plan: LineRoute, line: Buffer): Promise<void> {
    if (keepsInHistory(plan)) this.options.addToHistory?.(line);
    switch (plan.kind) {
      case 'skip':
        return;
      case 'invalid-arguments':
        this.sink.write(`${INVALID_ARGUMENTS_MESSAGE}\n`);
        return;
      case 'invalid-repeat':
        this.sink.write(`${INVALID_REPEAT_MESSAGE}\n`);
        return;
      case 'quit':
        throw new CliExit(0);
      case 'preference': {
        const result = applyPreference(this.options.preferences.get(), plan.args, true);
        this.options.preferences.set(result.preferences);
        if (result.message !== null) this.sink.write(result.message);
        return;
      }
      case 'restart':
        this.sink.write(`${RESTART_MESSAGE}\n`);
        return;
      case 'connect':
        this.link.retarget(plan.host, plan.port);
        await this.link.connect({ force: true });
        return;
      case 'clear':
        this.sink.write(CLEAR_SCREEN);
        return;
      case 'help': {
        // redis-cli has its table before the REPL starts: waiting for COMMAND DOCS (a loaded machine) is not help's time.
        const table = await this.options.commandTable();
        const started = Date.now();
        this.sink.write(helpText(plan.words, table));
        this.writeTiming(Date.now() - started);
        return;
      }
      case 'command': {
        const started = Date.now();
        await this.issueCommand(plan.args, plan.repeat);
        this.writeTiming(Date.now() - started);
        return;
      }
    }
  }

  writeTiming(elapsedMs: number): void {
    const line = timingLine(elapsedMs, this.mode);
    if (line !== null) this.sink.write(line);
  }

  /** True with `-c`: a reply may send the next command elsewhere, so nothing may be sent ahead of it. */
  get followsRedirects(): boolean {
    return (this.options.clusterRedirects ?? 'off') !== 'off';
  }

  /**
   * issueCommandRepeat(): reconnect if needed, then send `repeat` times; with
   * `-c`, again (and `repeat` times again) wherever a redirect points, with no
   * limit on hops, as redis-cli does. @returns false where redis-cli's returns REDIS_ERR.
   */
  async issueCommand(args: Buffer[], repeat: number): Promise<boolean> {
    this.interrupted = false;
    for (;;) {
      if (this.reissue || this.link.connection === null) {
        const connected = await this.link.connect({ force: true });
        if (!connected) {
          // cliPrintContextError() prints only when a socket exists, i.e. a failed AUTH/SELECT/HELLO.
          if (this.link.connection !== null) this.sink.errorLine('Error: \n');
          this.reissue = false;
          return false;
        }
      }
      this.reissue = false;
      if (this.sendAsking && !(await this.sendAskingFirst())) return false;
      const failure = await this.sendCommand(args, repeat);
      if (failure !== null) {
        this.reportLost(failure);
        return false;
      }
      if (!this.reissue) return true;
    }
  }

  /** cliSendAsking(): the ASKING an ASK redirect calls for, its refusal on stderr. */
  private async sendAskingFirst(): Promise<boolean> {
    this.sendAsking = false;
    const connection = this.link.connection;
    if (connection === null) return false;
    let reply: Reply;
    try {
      reply = await connection.send([Buffer.from('ASKING')]);
    } catch (error) {
      if (!(error instanceof ConnectionClosedError)) throw error;
      this.sink.errorLine('\nI/O error\n');
      this.sink.errorLine(`Error: ${error.reason.message}\n`);
      return false;
    }
    if (reply.type !== 'error') return true;
    this.sink.errorLine(`ASKING failed: ${reply.value.toString('utf8')}\n`);
    this.sink.errorLine('Error: \n');
    return false;
  }

  /**
   * cliReadReply()'s `-c` branch: a MOVED or ASK reply is not printed; the
   * session points at the node it names (the prompt shows it at once) and
   * the command is sent again there. @returns true when the reply was one.
   */
  private followRedirect(reply: Reply): boolean {
    const how = this.options.clusterRedirects ?? 'off';
    if (how === 'off') return false;
    const redirect = parseClusterRedirect(reply);
    if (redirect === null) return false;
    this.link.retarget(redirect.host, redirect.port);
    if (how === 'announce') this.sink.write(redirectLine(redirect));
    this.reissue = true;
    if (redirect.ask) this.sendAsking = true;
    return true;
  }

  /** The first command to find its connection gone: `Error: <reason>`, then `not connected> `. */
  reportLost(reason: CloseReason): void {
    this.sink.errorLine(`Error: ${reason.message}\n`);
    this.link.dropLost();
  }

  /** cliSendCommand(). @returns the reason when the connection was lost and the session goes on. */
  private async sendCommand(args: Buffer[], repeat: number): Promise<CloseReason | null> {
    const name = commandWord(args);
    if (name === 'shutdown') this.link.shutdownSent = true;
    for (let i = 0; i < repeat; i++) {
      const connection = this.link.connection;
      if (connection === null) return null;
      if (name === 'monitor') return this.streamReplies(connection, args, false);
      if (isSubscribe(name)) {
        const lost = await this.streamReplies(connection, args, true);
        if (lost !== null) return lost;
        continue;
      }
      const outcome = await this.exchange(connection, args);
      // A redirect ends the repeat loop: issueCommand() starts it again on the node named.
      if (outcome === 'redirected') return null;
      if (outcome === 'done') continue;
      if (outcome.kind === 'lost') return outcome.reason;
      return null;
    }
    return null;
  }

  /** One command, one reply, printed and tracked. */
  private async exchange(connection: RespConnection, args: Buffer[]): Promise<'done' | 'redirected' | ReadFailure> {
    let reply: Reply;
    try {
      connection.write(args);
      reply = await readCommandReply(connection, (push) => this.printPush(push));
    } catch (error) {
      // After Ctrl-C (the tutor's divergence) nothing of our own is printed: the terminal has echoed ^C.
      return this.readFailed(error, connection);
    }
    const redirected = this.followRedirect(reply);
    if (!redirected) this.printReply(args, reply);
    await this.sink.flush();
    // redis-cli tracks the reply as an error either way (AUTH's re-SELECT included).
    await this.track(args, reply);
    return redirected ? 'redirected' : 'done';
  }

  /**
   * Subscribe and MONITOR mode: every reply (pushes included) printed as it
   * comes, until an error reply or Ctrl-C. A lost connection here is fatal,
   * as in redis-cli.
   */
  private async streamReplies(connection: RespConnection, args: Buffer[], subscribe: boolean): Promise<CloseReason | null> {
    this.streaming = true;
    try {
      try {
        connection.write(args);
      } catch (error) {
        if (!(error instanceof ConnectionClosedError)) throw error;
      }
      if (subscribe && this.mode !== 'raw') this.sink.write(READING_MESSAGES);
      for (;;) {
        let reply: Reply;
        try {
          reply = await connection.read();
        } catch (error) {
          const failure = await this.readFailed(error, connection);
          if (failure.kind === 'lost') {
            this.sink.errorLine(`Error: ${failure.reason.message}\n`);
            throw new CliExit(1);
          }
          return null;
        }
        // SSUBSCRIBE to another node's slot: its MOVED ends subscribe mode and is followed.
        if (!this.followRedirect(reply)) this.printReply(args, reply);
        await this.sink.flush();
        if (reply.type === 'error') return null;
      }
    } finally {
      this.streaming = false;
    }
  }

  /**
   * cliReadReply()'s failure branch: after Ctrl-C reconnect silently; after
   * SHUTDOWN forget the connection silently; a lost connection is for the
   * caller to report (REPL) or fatal (one-shot, protocol errors).
   */
  async readFailed(error: unknown, connection: RespConnection): Promise<ReadFailure> {
    if (!(error instanceof ConnectionClosedError)) throw error;
    if (this.interrupted) {
      this.interrupted = false;
      if (!(await this.link.connect({ force: true }))) throw new CliExit(1);
      return { kind: 'interrupted' };
    }
    if (this.link.shutdownSent) {
      if (this.link.connection === connection) this.link.dropLost();
      return { kind: 'silent' };
    }
    const reason = error.reason;
    const reconnectable =
      reason.kind === 'server-closed' || (reason.kind === 'io-error' && (reason.code === 'ECONNRESET' || reason.code === 'EPIPE'));
    if (this.options.reconnectOnLoss && reconnectable) return { kind: 'lost', reason };
    this.sink.errorLine(`Error: ${reason.message}\n`);
    throw new CliExit(1);
  }

  /** A reply as redis-cli prints it; a RESP3 big number ends the session as it ends redis-cli 7.0. */
  printReply(args: readonly Buffer[], reply: Reply): void {
    let bytes: Buffer;
    try {
      bytes = formatReplyForCommand(args, reply, this.mode);
    } catch (error) {
      if (!(error instanceof UnknownReplyTypeError)) throw error;
      this.sink.errorLine(error.stderr);
      throw new CliExit(error.exitCode);
    }
    this.sink.write(bytes);
  }

  printPush(push: Reply): void {
    if (!this.options.pushOutput) return;
    try {
      this.sink.write(formatPush(push, this.mode));
    } catch (error) {
      if (!(error instanceof UnknownReplyTypeError)) throw error;
      this.sink.errorLine(error.stderr);
      throw new CliExit(error.exitCode);
    }
  }

  /** Client-side state after a printed reply (SELECT, MULTI, EXEC, DISCARD, RESET), AUTH's re-SELECT, and the private server's AUTH after RESET. */
  async track(args: readonly Buffer[], reply: Reply): Promise<void> {
    this.trackState(args, reply);
    if (isReselectingAuth(args)) await this.link.reselect();
    if (isAnsweredReset(args, reply)) await this.link.afterReset();
  }

  /** The state part of track(), for replies that cannot be to AUTH. */
  trackState(args: readonly Buffer[], reply: Reply): void {
    this.link.state = applyCommand(this.link.state, args, reply);
  }
}
