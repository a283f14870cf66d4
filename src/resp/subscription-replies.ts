import type { Reply } from './types.js';

/**
 * In RESP2 a subscribed connection gets plain arrays that answer no command:
 * the messages published to it, and one confirmation per channel of a
 * SUBSCRIBE that named several. A send() must not take one of those for the
 * reply to the next command (an UNSUBSCRIBE "answered" by a message that
 * arrived after it was sent, before the server had read it). This follows
 * the connection's subscriptions from the confirmations the server sends.
 */
const CONFIRMATIONS: Record<string, Family> = {
  subscribe: 'channel',
  unsubscribe: 'channel',
  psubscribe: 'pattern',
  punsubscribe: 'pattern',
  ssubscribe: 'shard',
  sunsubscribe: 'shard',
};
const MESSAGES = new Set(['message', 'pmessage', 'smessage']);

type Family = 'channel' | 'pattern' | 'shard';

export type SubscriptionReplyKind = 'confirmation' | 'message' | 'other';

export class SubscriptionReplies {
  private readonly held: Record<Family, Set<string>> = { channel: new Set(), pattern: new Set(), shard: new Set() };

  /** How many replies a command gets: one per channel it names; a bare UNSUBSCRIBE one per channel held (at least one). */
  repliesTo(args: readonly Buffer[]): number {
    const name = (args[0]?.toString('latin1') ?? '').toLowerCase();
    const family = CONFIRMATIONS[name];
    if (family === undefined) return 1;
    const named = args.length - 1;
    if (named > 0) return named;
    return name.endsWith('unsubscribe') ? Math.max(1, this.held[family].size) : 1;
  }

  /** What the reply is, following the subscriptions it confirms. */
  observe(reply: Reply): SubscriptionReplyKind {
    // RESET (the tutor's sandbox reset sends it) leaves every subscription without a confirmation per channel.
    if (reply.type === 'status' && reply.value.toString('latin1') === 'RESET') this.clear();
    if (reply.type !== 'array' || reply.items.length < 3) return 'other';
    const [first, second] = reply.items;
    if (first?.type !== 'bulk') return 'other';
    const word = first.value.toString('latin1');
    const family = CONFIRMATIONS[word];
    if (family !== undefined && reply.items.length === 3 && reply.items[2]?.type === 'integer') {
      const channel = second?.type === 'bulk' ? second.value.toString('latin1') : undefined;
      if (channel !== undefined) {
        if (word.endsWith('unsubscribe')) this.held[family].delete(channel);
        else this.held[family].add(channel);
      }
      return 'confirmation';
    }
    return MESSAGES.has(word) && this.subscribed ? 'message' : 'other';
  }

  private clear(): void {
    for (const held of Object.values(this.held)) held.clear();
  }

  get subscribed(): boolean {
    return this.held.channel.size + this.held.pattern.size + this.held.shard.size > 0;
  }
}
