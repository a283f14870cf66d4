/**
 * redisGetReply() with redis-cli's push handler: the next reply to a
 * command, printing (or dropping) any RESP3 push that arrives before it, in
 * arrival order.
 */
import type { RespConnection } from '../resp/connection.js';
import type { Reply } from '../resp/types.js';

export async function readCommandReply(connection: RespConnection, onPush: (push: Reply) => void): Promise<Reply> {
  for (;;) {
    const reply = await connection.read();
    if (reply.type !== 'push') return reply;
    onPush(reply);
  }
}
