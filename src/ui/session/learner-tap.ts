import type { ConnectLearner } from '../../engine/learner-connection.js';
import type { ConnectionSpec } from '../../redis/target.js';
import { RespConnection } from '../../resp/connection.js';
import type { Reply } from '../../resp/types.js';

/**
 * The learner's connection as the engine wants it (send/close), plus what
 * the engine does not need but the prompt does: the replies no command
 * claimed (subscribe-mode messages, RESP3 pushes), in arrival order.
 */
export class LearnerTap {
  private listener: ((reply: Reply) => void) | undefined;
  private current: RespConnection | undefined;

  readonly connectLearner: ConnectLearner = async (spec: ConnectionSpec) => {
    const connection = await RespConnection.connect(spec, { connectTimeoutMs: 3_000 });
    this.current = connection;
    void this.pump(connection);
    return connection;
  };

  /** Replaces the listener; undefined drops unclaimed replies. */
  onUnclaimed(listener: ((reply: Reply) => void) | undefined): void {
    this.listener = listener;
  }

  /** Is the learner's connection open right now? */
  get connected(): boolean {
    return this.current !== undefined && this.current.closed === null;
  }

  /** One reader per connection, for its whole life: it ends when the connection does. */
  private async pump(connection: RespConnection): Promise<void> {
    for (;;) {
      let reply: Reply;
      try {
        reply = await connection.read();
      } catch {
        return;
      }
      if (connection === this.current) this.listener?.(reply);
    }
  }
}
