import { learnerHandshake } from '../redis/checker.js';
import type { ConnectionSpec } from '../redis/target.js';
import { isAnsweredReset } from '../redis-cli/answered-reset.js';
import type { Reply } from '../resp/types.js';
import type { ConnectLearner, LearnerConnection } from './learner-connection.js';

/**
 * The learner's connection across exercises: connected on first use,
 * reconnected after QUIT or CLIENT KILL (as redis-cli does on the next
 * command) or when the tutor restarted the server, and reset between
 * exercises with RESET + the handshake, so MULTI, SELECT, CLIENT SETNAME,
 * AUTH and subscriptions never leak.
 */
export class LearnerClient {
  private connection: LearnerConnection | undefined;
  private id: number | undefined;

  constructor(
    public spec: ConnectionSpec,
    private readonly connectLearner: ConnectLearner,
  ) {}

  /** CLIENT ID of the current connection; undefined before the first connect or after it was lost. */
  get clientId(): number | undefined {
    return this.id;
  }

  async ensureConnected(): Promise<void> {
    if (this.connection) return;
    const connection = await this.connectLearner(this.spec);
    this.connection = connection;
    await this.handshake(connection);
  }

  /** Sends as typed. A send that fails forgets the connection, so the next command reconnects (as redis-cli does). */
  async send(args: Buffer[]): Promise<Reply> {
    await this.ensureConnected();
    const connection = this.connection as LearnerConnection;
    let reply: Reply;
    try {
      reply = await connection.send(args);
    } catch (error) {
      this.forget(connection);
      throw error;
    }
    if (isAnsweredReset(args, reply)) await this.logInAgainAfterReset(connection);
    return reply;
  }

  /** RESET, then the handshake again: the connection is as fresh as a new one, without a reconnect. */
  async reset(): Promise<void> {
    await this.ensureConnected();
    const connection = this.connection as LearnerConnection;
    try {
      const reply = await connection.send([Buffer.from('RESET')]);
      if (reply.type === 'error') throw new Error(reply.value.toString());
      await this.handshake(connection);
    } catch {
      // A connection the learner broke (QUIT, CLIENT KILL) is replaced rather than repaired.
      this.forget(connection);
      await this.ensureConnected();
    }
  }

  /** The server restarted: the old connection is dead, so a new one is made now, before the learner's next line. */
  async reconnect(): Promise<void> {
    if (this.connection) this.forget(this.connection);
    await this.ensureConnected();
  }

  /** `connect NODE` in a lab: from now on the connection goes to another server (redis-cli's `connect HOST PORT`). */
  async moveTo(spec: ConnectionSpec): Promise<void> {
    if (this.connection) this.forget(this.connection);
    this.spec = spec;
    await this.ensureConnected();
  }

  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    this.id = undefined;
    await connection?.close();
  }

  private async handshake(connection: LearnerConnection): Promise<void> {
    const commands = [...learnerHandshake(this.spec), ['CLIENT', 'ID']];
    const replies = await Promise.all(commands.map((args) => connection.send(args.map((arg) => Buffer.from(arg)))));
    const failed = replies.find((reply) => reply.type === 'error');
    if (failed && failed.type === 'error') throw new Error(`learner connection setup failed: ${failed.value.toString()}`);
    const idReply = replies[replies.length - 1];
    this.id = idReply?.type === 'integer' ? Number(idReply.value) : undefined;
  }

  /**
   * The learner's RESET logged the connection out of the server's password
   * (the private server's, or one from --url), which the learner never
   * typed. It logs in again as `default`, the user RESET chose, silently,
   * so the prompt goes on as on a server without a password. Not for a
   * --url user: RESET made the connection someone else, and that stays
   * as Redis does it.
   */
  private async logInAgainAfterReset(connection: LearnerConnection): Promise<void> {
    const { username, password } = this.spec;
    if (password === undefined || username !== undefined) return;
    try {
      // A refusal (the learner changed requirepass) leaves the connection as Redis left it.
      await connection.send([Buffer.from('AUTH'), Buffer.from(password)]);
    } catch {
      // A lost connection is found by the next command, as after any other.
    }
  }

  private forget(connection: LearnerConnection): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    this.id = undefined;
    void Promise.resolve(connection.close()).catch(() => undefined);
  }
}
