import type { Redis } from 'ioredis';
import { closeConnection, reopenConnection } from './reopen-connection.js';

/**
 * The tutor's ear for `published` checks: subscribed to the exercise's
 * channels before the learner starts, it records every message. The barrier
 * (a PING on the same connection) guarantees that every message published
 * before the check started has been received: Redis queues the message to
 * this connection before it answers the PING.
 */
export class TutorSubscriber {
  private readonly messages = new Map<string, string[]>();
  private channels: string[] = [];

  constructor(private readonly redis: Redis) {
    redis.on('message', (channel: string, message: string) => {
      this.messages.get(channel)?.push(message);
    });
  }

  /** Listens to exactly these channels from now on, with no messages recorded. */
  async listen(channels: readonly string[]): Promise<void> {
    const wanted = [...new Set(channels)];
    const stale = this.channels.filter((channel) => !wanted.includes(channel));
    const fresh = wanted.filter((channel) => !this.channels.includes(channel));
    if (stale.length > 0) await this.redis.unsubscribe(...stale);
    if (fresh.length > 0) await this.redis.subscribe(...fresh);
    this.channels = wanted;
    await this.clear();
  }

  /** Forgets what was received so far (after setup, which may publish itself). */
  async clear(): Promise<void> {
    if (this.channels.length > 0) await this.redis.ping();
    this.messages.clear();
    for (const channel of this.channels) this.messages.set(channel, []);
  }

  async received(channel: string): Promise<readonly string[]> {
    await this.redis.ping();
    return [...(this.messages.get(channel) ?? [])];
  }

  /** The server is about to restart: closes the connection (messages received so far are kept). */
  suspend(): Promise<void> {
    return closeConnection(this.redis);
  }

  /** The server restarted (and knows the tutor's user again): connects and subscribes to the same channels. */
  async resume(port: number): Promise<void> {
    await reopenConnection(this.redis, port);
    if (this.channels.length > 0) await this.redis.subscribe(...this.channels);
  }

  close(): void {
    this.redis.disconnect();
  }
}
