import type { SubscribedCheck } from '../../course/schema.js';
import type { BilingualText } from '../../results/check-result.js';
import { joinPieces, SUBSCRIBED } from '../texts.js';
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
      if (!counts) return { passed: false, expected, found: SUBSCRIBED.connectionClosed };
      const { channels, patterns } = context.learnerSubscriptions;
      const agrees = counts.sub === channels.size && counts.psub === patterns.size;
      const found =
        counts.sub + counts.psub === 0 ? SUBSCRIBED.notSubscribed : agrees ? describe([...channels], [...patterns]) : SUBSCRIBED.counts(counts.sub, counts.psub);
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

function describe(channels: readonly string[], patterns: readonly string[]): BilingualText {
  const parts: BilingualText[] = [];
  if (channels.length > 0) parts.push(SUBSCRIBED.to(channels));
  if (patterns.length > 0) parts.push(SUBSCRIBED.toPatterns(patterns));
  return joinPieces(parts, SUBSCRIBED.and);
}
