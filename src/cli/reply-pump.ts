/**
 * The reading half of the pipelined pipe mode: commands already written to
 * the server are queued here in order, and their replies are printed exactly
 * as LineExecutor would have printed them one at a time: same formatting,
 * same state tracking, same `(N.NNs)` lines, same handling of a lost
 * connection.
 */
import type { RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import type { LineExecutor } from './line-executor.js';

export interface SentCommand {
  args: Buffer[];
  repeat: number;
  /** The connection the command went out on. */
  connection: RespConnection;
  /** Date.now() when it was written. */
  sentAt: number;
}

export class ReplyPump {
  private queue: SentCommand[] = [];
  private head = 0;
  /** Commands queued or being printed. */
  private pending = 0;
  private wake: (() => void) | null = null;
  private waiters: Array<{ limit: number; resolve: () => void }> = [];
  private failure: { error: unknown } | null = null;
  private stopped = false;
  /** When the previous command's last reply was printed. */
  private lastDone = 0;
  /** Rejects with whatever stops the pump (CliExit...), so a reader blocked on stdin hears of it. */
  readonly failed: Promise<never>;
  private reject: (error: unknown) => void = () => undefined;

  constructor(private readonly executor: LineExecutor) {
    this.failed = new Promise<never>((_, reject) => (this.reject = reject));
    // Nobody may be listening when it fails; waitUntil() reports it too.
    this.failed.catch(() => undefined);
    void this.loop();
  }

  get size(): number {
    return this.pending;
  }

  push(command: SentCommand): void {
    this.queue.push(command);
    this.pending++;
    this.wake?.();
  }

  /** Resolves once at most `limit` commands are still unprinted; rethrows what stopped the pump (e.g. CliExit). */
  async waitUntil(limit: number): Promise<void> {
    if (this.failure === null && this.pending > limit) {
      await new Promise<void>((resolve) => this.waiters.push({ limit, resolve }));
    }
    if (this.failure !== null) throw this.failure.error;
  }

  drain(): Promise<void> {
    return this.waitUntil(0);
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private next(): SentCommand | undefined {
    if (this.head >= this.queue.length) return undefined;
    const command = this.queue[this.head++];
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    return command;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const command = this.next();
      if (command === undefined) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      try {
        await this.print(command);
        if (this.executor.sink.pressured) await this.executor.sink.flush();
      } catch (error) {
        this.failure = { error };
        this.reject(error);
        this.notify();
        return;
      }
      this.pending--;
      this.notify();
    }
  }

  private notify(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (this.failure === null && this.pending > waiter.limit) return true;
      waiter.resolve();
      return false;
    });
  }

  private async print(command: SentCommand): Promise<void> {
    const { executor } = this;
    const { link } = executor;
    // redis-cli would have sent this command only after the previous reply.
    const started = Math.max(command.sentAt, this.lastDone);
    for (let i = 0; i < command.repeat; i++) {
      let reply: Reply;
      try {
        reply = await command.connection.read();
        // Pushes that arrive before the reply are printed first, as redis-cli's push handler does.
        while (reply.type === 'push') {
          executor.printPush(reply);
          reply = await command.connection.read();
        }
      } catch (error) {
        if (i === 0 && link.connection !== command.connection) {
          // Sent on a connection an earlier command already found dead:
          // redis-cli would have sent it after reconnecting, so do that now.
          const retried = Date.now();
          await executor.issueCommand(command.args, command.repeat);
          executor.writeTiming(Date.now() - retried);
          this.lastDone = Date.now();
          return;
        }
        const failure = await executor.readFailed(error, command.connection);
        if (failure.kind === 'lost') executor.reportLost(failure.reason);
        break;
      }
      executor.printReply(command.args, reply);
      // AUTH never comes through here (it runs alone), so tracking needs no round trip.
      executor.trackState(command.args, reply);
    }
    this.lastDone = Date.now();
    executor.writeTiming(this.lastDone - started);
  }
}
