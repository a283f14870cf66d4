import type { ConnectLearner, LearnerConnection } from '../engine/learner-connection.js';
import type { ConnectionSpec } from '../redis/target.js';
import { RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';

/**
 * In RESP3 the server confirms these with a push, which RespConnection never
 * hands to send() (pushes are not replies); without help the command would
 * wait forever and the prompt with it.
 */
const CONFIRMED_BY_PUSH = new Set(['subscribe', 'psubscribe', 'ssubscribe', 'unsubscribe', 'punsubscribe', 'sunsubscribe']);

/** One learner connection and what the tap knows about it. */
interface Link {
  connection: RespConnection;
  /** HELLO 3 succeeded (and no RESET since). */
  resp3: boolean;
  /** A pub/sub command sent on a RESP3 connection, waiting for its confirming push. */
  awaitingPush: { kind: string; resolve(reply: Reply): void; reject(error: Error): void } | undefined;
}

/**
 * The learner's connection as the engine wants it (send/close), plus what
 * the engine does not need but the prompt does: the replies no command
 * claimed (subscribe-mode messages, MONITOR lines, RESP3 pushes), in arrival order.
 */
export class LearnerTap {
  private listener: ((reply: Reply) => void) | undefined;
  private current: Link | undefined;

  readonly connectLearner: ConnectLearner = async (spec: ConnectionSpec): Promise<LearnerConnection> => {
    const connection = await RespConnection.connect(spec, { connectTimeoutMs: 3_000 });
    const link: Link = { connection, resp3: false, awaitingPush: undefined };
    this.current = link;
    void this.pump(link);
    return { send: (args) => this.send(link, args), close: () => connection.close() };
  };

  /** Replaces the listener; undefined drops unclaimed replies. */
  onUnclaimed(listener: ((reply: Reply) => void) | undefined): void {
    this.listener = listener;
  }

  /** Is the learner's connection open right now? */
  get connected(): boolean {
    return this.current !== undefined && this.current.connection.closed === null;
  }

  /** Does the learner's connection speak RESP3 (the learner typed HELLO 3)? */
  get resp3(): boolean {
    return this.current?.resp3 ?? false;
  }

  private async send(link: Link, args: Buffer[]): Promise<Reply> {
    const name = (args[0] ?? Buffer.alloc(0)).toString('latin1').toLowerCase();
    if (link.resp3 && CONFIRMED_BY_PUSH.has(name) && link.awaitingPush === undefined) {
      // Sent outside send()'s FIFO; the pump resolves it with the first confirmation (further ones,
      // one per channel, reach the listener like RESP2's extra confirmations do) or an error reply.
      return new Promise<Reply>((resolve, reject) => {
        link.awaitingPush = { kind: name, resolve, reject };
        try {
          link.connection.write(args);
        } catch (error) {
          link.awaitingPush = undefined;
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    }
    const reply = await link.connection.send(args);
    // HELLO answers with a map in RESP3 and an array in RESP2, whatever protocol version was asked for.
    if (name === 'hello' && reply.type !== 'error') link.resp3 = reply.type === 'map';
    if (name === 'reset' && reply.type !== 'error') link.resp3 = false;
    return reply;
  }

  /** One reader per connection, for its whole life: it ends when the connection does. */
  private async pump(link: Link): Promise<void> {
    for (;;) {
      let reply: Reply;
      try {
        reply = await link.connection.read();
      } catch (error) {
        link.awaitingPush?.reject(error instanceof Error ? error : new Error(String(error)));
        link.awaitingPush = undefined;
        return;
      }
      const awaiting = link.awaitingPush;
      if (awaiting && (reply.type !== 'push' || pushKind(reply) === awaiting.kind)) {
        link.awaitingPush = undefined;
        awaiting.resolve(reply);
        continue;
      }
      if (link === this.current) this.listener?.(reply);
    }
  }
}

function pushKind(reply: Reply): string | undefined {
  if (reply.type !== 'push') return undefined;
  const first = reply.items[0];
  return first && (first.type === 'bulk' || first.type === 'status') ? first.value.toString('latin1').toLowerCase() : undefined;
}
