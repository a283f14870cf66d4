import type { SubscribedCheck } from '../../course/schema.js';
import type { BilingualText, Verdict } from '../../results/check-result.js';
import type { ProgramSubscriptions } from '../program-facts.js';
import { joinPieces, SUBSCRIBED } from '../texts.js';
import type { CompiledCheck } from './compiled-check.js';

/**
 * `subscribed`. For a program answer: one of its connections held all of
 * these at once, as the server confirmed each subscription — whether it
 * then went on listening until it was stopped or left once it had its
 * messages. For typed lines: the server tells how many channels and patterns the learner
 * connection holds (CLIENT LIST), not which; the session follows which from
 * the learner's (P)SUBSCRIBE/UNSUBSCRIBE/RESET. The check passes only when
 * both agree, so a drifted model can never pass a learner by mistake.
 */
export function compileSubscribedCheck(check: SubscribedCheck): CompiledCheck {
  const expected = describe(check.channels, check.patterns);
  return {
    check,
    commands: (context) => (context.program || context.learnerClientId === undefined ? [] : [['CLIENT', 'LIST', 'ID', String(context.learnerClientId)]]),
    judge([line], context) {
      if (context.program) return judgeProgram(context.program.subscriptions);
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

  function judgeProgram(held: readonly ProgramSubscriptions[]): Verdict {
    const holds = (state: ProgramSubscriptions) => check.channels.every((c) => state.channels.includes(c)) && check.patterns.every((p) => state.patterns.includes(p));
    if (held.some(holds)) return { passed: true };
    const widest = [...held].sort((a, b) => b.channels.length + b.patterns.length - (a.channels.length + a.patterns.length))[0];
    const found = !widest || widest.channels.length + widest.patterns.length === 0 ? SUBSCRIBED.notSubscribed : describe(widest.channels, widest.patterns);
    return { passed: false, expected, found };
  }
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
