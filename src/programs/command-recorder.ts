import { randomBytes } from 'node:crypto';
import { splitArgs } from '../redis-cli/split-args.js';
import { CHECKER_CLIENT_NAME, type ConnectionSpec } from '../redis/target.js';
import { RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';
import { sleep, within } from '../lib/async.js';

/** `1700000000.123456 [0 127.0.0.1:54321] "SET" "k" "v"`: the time, the database and the client, then the command quoted as redis-cli would. */
const MONITOR_LINE = /^\d+\.\d+ \[\d+ ([^\]]*)\] (.*)$/s;
const SYNC_TIMEOUT_MS = 1_000;

/**
 * Records, through MONITOR, the commands a program answer sends, so the
 * `used` and `notUsed` checks judge a redis-py script exactly as they judge
 * typed lines. Commands a Lua script runs are left out (typed EVAL counts
 * as EVAL), as are the tutor's own.
 */
export class CommandRecorder {
  private readonly commands: string[][] = [];
  private marker: string | undefined;
  private markerSeen: (() => void) | undefined;

  private constructor(private readonly connection: RespConnection) {
    void this.readLoop();
  }

  /** Connected and monitoring when it resolves; spec carries the tutor's credentials when it has its own user. */
  static async start(spec: ConnectionSpec): Promise<CommandRecorder> {
    const connection = await RespConnection.connect(spec, { connectTimeoutMs: 3_000 });
    const send = (...args: string[]) => connection.send(args.map((arg) => Buffer.from(arg)));
    const replies: Reply[] = [];
    if (spec.password !== undefined) replies.push(await send('AUTH', ...(spec.username !== undefined ? [spec.username] : []), spec.password));
    // Named like the checker: sandbox resets leave it alone.
    replies.push(await send('CLIENT', 'SETNAME', CHECKER_CLIENT_NAME));
    replies.push(await send('MONITOR'));
    const failed = replies.find((reply) => reply.type === 'error');
    if (failed && failed.type === 'error') {
      connection.destroy();
      throw new Error(`could not record the program's commands: ${failed.value.toString()}`);
    }
    return new CommandRecorder(connection);
  }

  /**
   * Waits until every command sent before this call has been seen (a marker
   * sent through `sendMarker` comes back through MONITOR after them), then
   * closes and returns what was recorded.
   */
  async stop(sendMarker: (marker: string) => Promise<unknown>): Promise<string[][]> {
    if (!this.connection.closed) {
      this.marker = `redis-tutor-sync-${randomBytes(8).toString('hex')}`;
      const seen = new Promise<void>((resolve) => (this.markerSeen = resolve));
      await within(sendMarker(this.marker), SYNC_TIMEOUT_MS);
      await within(Promise.race([seen, this.closedPromise()]), SYNC_TIMEOUT_MS);
    }
    this.connection.destroy();
    return this.commands;
  }

  private closedPromise(): Promise<void> {
    return new Promise((resolve) => {
      if (this.connection.closed) resolve();
      else this.connection.onClose(() => resolve());
    });
  }

  private async readLoop(): Promise<void> {
    for (let lines = 1; ; lines++) {
      let reply: Reply;
      try {
        reply = await this.connection.read();
      } catch {
        return;
      }
      if (reply.type !== 'status') continue;
      this.take(reply.value.toString('utf8'));
      // Buffered replies resolve as microtasks: yield now and then so timers (the deadline) still run.
      if (lines % 1_000 === 0) await sleep(0);
    }
  }

  private take(line: string): void {
    const match = MONITOR_LINE.exec(line);
    if (!match) return;
    const [, source, quoted] = match;
    if (source === 'lua') return;
    const args = splitArgs(quoted ?? '')?.map((arg) => arg.toString('utf8'));
    if (!args || args.length === 0) return;
    if (this.marker !== undefined && args[0]?.toUpperCase() === 'ECHO' && args[1] === this.marker) {
      this.markerSeen?.();
      return;
    }
    this.commands.push(args);
  }
}
