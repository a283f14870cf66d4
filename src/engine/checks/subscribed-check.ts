import type { SubscribedCheck } from '../../course/schema.js';
import type { CompiledCheck } from './compiled-check.js';

/**
 * `subscribed`. The server tells how many channels and patterns the learner
 * connection holds (CLIENT LIST), not which; the session follows which from
 * the learner's (P)SUBSCRIBE/UNSUBSCRIBE/RESET. The check passes only when
 * both agree, so a drifted model can never pass a learner by mistake.
 */
export function compileSubscribedCheck(check: SubscribedCheck): CompiledCheck {
  const expected = describe(check.channels, check.patterns);
  return {
    check,
    commands: (context) => (context.learnerClientId === undefined ? [] : [['CLIENT', 'LIST', 'ID', String(context.learnerClientId)]]),
    judge([line], context) {
      const counts = typeof line === 'string' ? subscriptionCounts(line) : undefined;
      if (!counts) return { passed: false, expected, found: 'your connection is closed' };
      const { channels, patterns } = context.learnerSubscriptions;
      const agrees = counts.sub === channels.size && counts.psub === patterns.size;
      const found = counts.sub + counts.psub === 0 ? 'not subscribed' : agrees ? describe([...channels], [...patterns]) : `${counts.sub} channel(s), ${counts.psub} pattern(s)`;
      const holds = agrees && check.channels.every((c) => channels.has(c)) && check.patterns.every((p) => patterns.has(p));
      return holds ? { passed: true } : { passed: false, expected, found };
    },
  };
}

/** sub= and psub= of a CLIENT LIST line. */
export function subscriptionCounts(line: string): { sub: number; psub: number } | undefined {
  const field = (name: string) => new RegExp(`(?:^| )${name}=(\\d+)`).exec(line)?.[1];
  const sub = field('sub');
  const psub = field('psub');
  return sub === undefined || psub === undefined ? undefined : { sub: Number(sub), psub: Number(psub) };
}

function describe(channels: readonly string[], patterns: readonly string[]): string {
  const parts = [];
  if (channels.length > 0) parts.push(`subscribed to ${channels.join(', ')}`);
  if (patterns.length > 0) parts.push(`subscribed to the patterns ${patterns.join(', ')}`);
  return parts.join(' and ');
}
