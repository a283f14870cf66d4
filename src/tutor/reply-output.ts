import { formatReplyForCommand, UnknownReplyTypeError } from '../redis-cli/format.js';
import type { Reply } from '../resp/types.js';

/** How much of one reply goes on screen; the rest is counted, not drawn. */
export const MAX_REPLY_ITEMS = 200;
export const MAX_REPLY_LINES = 300;
const MAX_BULK_BYTES = 8_192;

export interface ReplyOutput {
  lines: string[];
  /** Elements (or lines) that were not shown. */
  omitted: number;
}

/**
 * redis-cli's exact output for a reply, capped: a huge aggregate (LRANGE of
 * a million items) is cut to its first MAX_REPLY_ITEMS elements before it is
 * formatted, so formatting stays cheap and the app responsive.
 */
export function replyOutput(args: readonly Buffer[], reply: Reply): ReplyOutput {
  const budget = { left: MAX_REPLY_ITEMS, omitted: 0 };
  const capped = capReply(reply, budget);
  let text: string;
  try {
    text = formatReplyForCommand(args, capped, 'standard').toString('utf8');
  } catch (error) {
    if (error instanceof UnknownReplyTypeError) return { lines: [error.message], omitted: 0 };
    throw error;
  }
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let omitted = budget.omitted;
  if (lines.length > MAX_REPLY_LINES) {
    omitted += lines.length - MAX_REPLY_LINES;
    lines.length = MAX_REPLY_LINES;
  }
  return { lines, omitted };
}

function capReply(reply: Reply, budget: { left: number; omitted: number }): Reply {
  switch (reply.type) {
    case 'array':
    case 'set':
    case 'push': {
      const items: Reply[] = [];
      for (const item of reply.items) {
        if (budget.left <= 0) {
          budget.omitted += countLeaves(item);
          continue;
        }
        budget.left -= 1;
        items.push(capReply(item, budget));
      }
      return { ...reply, items };
    }
    case 'map': {
      const entries: Array<[Reply, Reply]> = [];
      for (const [key, value] of reply.entries) {
        if (budget.left <= 0) {
          budget.omitted += 1;
          continue;
        }
        budget.left -= 1;
        entries.push([key, capReply(value, budget)]);
      }
      return { ...reply, entries };
    }
    case 'bulk':
    case 'verbatim':
      return reply.value.length > MAX_BULK_BYTES ? { ...reply, value: reply.value.subarray(0, MAX_BULK_BYTES) } : reply;
    default:
      return reply;
  }
}

function countLeaves(reply: Reply): number {
  return reply.type === 'array' || reply.type === 'set' || reply.type === 'push' ? Math.max(1, reply.items.length) : 1;
}
