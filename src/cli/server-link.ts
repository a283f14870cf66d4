/**
 * The connection a redis-cli session talks through, with redis-cli 7.0's
 * rules for (re)connecting (cliConnect): a forced reconnect over a live
 * connection forgets the db and (TX) shown in the prompt, one after a lost
 * connection does not; every new connection gets AUTH (from -a/--user/-u),
 * SELECT (when the remembered db differs from the shown one) and HELLO 3
 * (with -3), and nothing else that shows.
 */
import { ConnectError, ConnectionClosedError, RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import { afterReconnect, dbToReselect, promptFor, type ClientState } from '../redis-cli/client-state.js';
import type { OutputSink } from './output-sink.js';

export interface LinkTarget {
  host: string;
  port: number;
  tls: boolean;
  user?: string;
  password?: string;
  /**
   * The password of the tutor's private server, which the learner never
   * types. When the session has no password of its own, each new connection
   * to that server (this host and port) and each RESET (which logs the
   * connection out) is followed by AUTH with it, and nothing of that AUTH is
   * printed, a refusal included: the session looks like one to a server
   * without a password, as real redis-cli would see it.
   */
  serverPassword?: string;
}

export class ServerLink {
  /** redis-cli's `context`: null means `not connected> `. */
  connection: RespConnection | null = null;
  state: ClientState;
  /** Set once a command named SHUTDOWN was sent; never cleared, as in redis-cli. */
  shutdownSent = false;

  /** Where the silent AUTH goes, and with what; fixed at the start, so `connect` elsewhere never carries it along. */
  private readonly silentAuth: { host: string; port: number; password: string } | undefined;

  constructor(
    private target: LinkTarget,
    state: ClientState,
    private readonly sink: OutputSink,
  ) {
    this.state = state;
    this.silentAuth =
      target.serverPassword !== undefined && target.password === undefined
        ? { host: target.host, port: target.port, password: target.serverPassword }
        : undefined;
  }

  get host(): string {
    return this.target.host;
  }

  get port(): number {
    return this.target.port;
  }

  prompt(): string {
    return promptFor(this.state, { host: this.target.host, port: this.target.port, connected: this.connection !== null });
  }

  /** `connect <host> <port>`: later connections go there. */
  retarget(host: string, port: number): void {
    this.target = { ...this.target, host, port };
  }

  /**
   * cliConnect(). `force` reconnects even when connected; `quiet` keeps the
   * `Could not connect` line off stderr. @returns false when the connection
   * or its AUTH/SELECT/HELLO failed (the connection is kept in the latter case).
   */
  async connect(options: { force: boolean; quiet?: boolean }): Promise<boolean> {
    if (this.connection !== null && !options.force) return true;
    if (this.connection !== null) {
      this.connection.destroy();
      this.connection = null;
      this.state = afterReconnect(this.state);
    }
    try {
      this.connection = await RespConnection.connect({ host: this.target.host, port: this.target.port, tls: this.target.tls });
    } catch (error) {
      if (!(error instanceof ConnectError)) throw error;
      if (options.quiet !== true) this.sink.errorLine(`${error.message}\n`);
      return false;
    }
    return this.handshake();
  }

  /** The connection was found dead while a command ran: forget it, but not the prompt's db (redis-cli only sets context = NULL). */
  dropLost(): void {
    this.connection?.destroy();
    this.connection = null;
  }

  /** Ends the session's connection for good. */
  close(): void {
    this.connection?.destroy();
    this.connection = null;
  }

  /** A RESET was answered: the connection is logged out of the private server's password, so it logs in again, silently. */
  async afterReset(): Promise<void> {
    await this.sendSilentAuth();
  }

  /** cliSelect(): after an AUTH typed with 2 or 3 arguments, and on every new connection. */
  async reselect(): Promise<boolean> {
    const db = dbToReselect(this.state);
    if (db === null) return true;
    const reply = await this.request(['SELECT', String(db)]);
    if (reply === null) return false;
    if (reply.type === 'error') {
      this.sink.errorLine(`SELECT ${db} failed: ${reply.value.toString('utf8')}\n`);
      return false;
    }
    this.state = { ...this.state, db };
    return true;
  }

  private async handshake(): Promise<boolean> {
    const { user, password } = this.target;
    if (password !== undefined) {
      const reply = await this.request(user !== undefined ? ['AUTH', user, password] : ['AUTH', password]);
      if (reply === null) return false;
      if (reply.type === 'error') {
        this.sink.errorLine(`AUTH failed: ${reply.value.toString('utf8')}\n`);
        return false;
      }
    } else {
      await this.sendSilentAuth();
    }
    if (!(await this.reselect())) return false;
    if (this.state.resp3) {
      const reply = await this.request(['HELLO', '3']);
      if (reply === null) return false;
      if (reply.type === 'error') {
        this.sink.errorLine(`HELLO 3 failed: ${reply.value.toString('utf8')}\n`);
        return false;
      }
    }
    return true;
  }

  /**
   * AUTH with the private server's password, when this connection goes
   * there. Its reply is not shown; a lost connection is left for the next
   * command to find, as if nothing had been sent.
   */
  private async sendSilentAuth(): Promise<void> {
    const auth = this.silentAuth;
    const connection = this.connection;
    if (auth === undefined || connection === null || this.target.host !== auth.host || this.target.port !== auth.port) return;
    try {
      await connection.send([Buffer.from('AUTH'), Buffer.from(auth.password, 'utf8')]);
    } catch (error) {
      if (!(error instanceof ConnectionClosedError)) throw error;
    }
  }

  /** redisCommand(): null (after hiredis' `I/O error` line) when the connection went away. */
  private async request(words: string[]): Promise<Reply | null> {
    const connection = this.connection;
    if (connection === null) return null;
    try {
      return await connection.send(words.map((word) => Buffer.from(word, 'utf8')));
    } catch (error) {
      if (!(error instanceof ConnectionClosedError)) throw error;
      this.sink.errorLine('\nI/O error\n');
      return null;
    }
  }
}
