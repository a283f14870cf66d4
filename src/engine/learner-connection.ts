import type { ConnectionSpec } from '../redis/target.js';
import type { Reply } from '../resp/types.js';

/**
 * The part of the learner's RESP connection (src/resp/connection.ts) the
 * engine uses: what the learner types goes through `send`, replies come back
 * exactly as the server sent them so the prompt can print them like redis-cli.
 */
export interface LearnerConnection {
  send(args: Buffer[]): Promise<Reply>;
  close(): void | Promise<void>;
}

export type ConnectLearner = (spec: ConnectionSpec) => Promise<LearnerConnection>;
