import type { Redis } from 'ioredis';

const CLOSE_WAIT_MS = 1_000;

/**
 * Closes an ioredis connection and waits until it is closed, so it does not
 * reconnect on its own to a server that is being restarted (it would
 * authenticate as a user the new server does not know yet).
 */
export async function closeConnection(redis: Redis): Promise<void> {
  if (redis.status === 'end' || redis.status === 'wait') return;
  if (redis.status === 'close' || redis.status === 'reconnecting') {
    // Already down: disconnect() cancels the pending reconnect, and no 'end' follows.
    redis.disconnect();
    return;
  }
  let onEnd: () => void = () => undefined;
  let timer: NodeJS.Timeout | undefined;
  const ended = new Promise<void>((resolve) => {
    onEnd = resolve;
    redis.once('end', onEnd);
    timer = setTimeout(resolve, CLOSE_WAIT_MS);
  });
  redis.disconnect();
  await ended;
  clearTimeout(timer);
  redis.off('end', onEnd);
}

/** Connects a closed ioredis connection again, to `port` (a restarted server may have had to take another one). */
export async function reopenConnection(redis: Redis, port: number): Promise<void> {
  redis.options.port = port;
  await redis.connect();
}
