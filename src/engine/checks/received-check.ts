import type { ActedCheck, ActorTrigger, ReceivedCheck } from '../../course/schema.js';
import { verbatim, type BilingualText, type Verdict } from '../../results/check-result.js';
import { checkExpectation, compareNumber, describeComparison } from '../expectations.js';
import { formatValue } from '../format-value.js';
import { ACTED, RECEIVED } from '../program-texts.js';
import type { CheckContext, CompiledCheck } from './compiled-check.js';
import { triggerName } from '../actor-runner.js';

const PUBLISHING = new Set(['PUBLISH', 'SPUBLISH']);

/**
 * `received`: messages the other side (an actor) published on the channel
 * that reached the answer. For a program, what the server delivered to its
 * connections, matched with what the actors published and found in its
 * output; for typed lines, a PUBLISH that counted a receiver besides the
 * tutor's own ear. An answer that published on the channel itself fails:
 * it played the other side.
 */
export function compileReceivedCheck(check: ReceivedCheck): CompiledCheck {
  const expected = RECEIVED.messagesOn(describeComparison(check.count), check.channel);
  return {
    check,
    commands: () => [],
    judge(_replies, context): Verdict {
      if (context.commands.some((args) => PUBLISHING.has((args[0] ?? '').toUpperCase()) && args[1] === check.channel)) {
        return { passed: false, expected, found: RECEIVED.publishedYourself(check.channel) };
      }
      const messages = reachedTheAnswer(check.channel, context);
      if (!compareNumber(messages.length, check.count)) {
        return { passed: false, expected, found: RECEIVED.found(messages.length, messages.length > 0 ? formatValue([...messages]) : undefined) };
      }
      for (const message of messages) {
        if (check.message) {
          const verdict = checkExpectation(check.message, message);
          if (!verdict.passed) return { passed: false, expected: RECEIVED.everyMessage(verdict.expected ?? ''), found: verdict.found ?? verbatim(formatValue(message)) };
        }
        const program = context.program;
        // A cut output may have lost what was printed first: only the part kept can be searched.
        if (check.printed && program && !program.outputTruncated && !program.output.includes(message)) {
          return { passed: false, expected: RECEIVED.printed(formatValue(message)), found: RECEIVED.notPrinted(formatValue(message)) };
        }
      }
      return { passed: true };
    },
  };
}

/** The actors' messages on the channel that reached the answer, in order. */
function reachedTheAnswer(channel: string, context: CheckContext): string[] {
  const published = context.actors.publishes.filter((publish) => publish.channel === channel);
  if (!context.program) {
    const tutor = context.actors.tutorListens(channel) ? 1 : 0;
    return published.filter((publish) => publish.receivers - tutor > 0).map((publish) => publish.message);
  }
  // Each delivery counts once against one of the actors' messages: the program's own are not among them.
  const unmatched = published.map((publish) => publish.message);
  const reached: string[] = [];
  for (const delivery of context.program.received) {
    if (delivery.channel !== channel) continue;
    const at = unmatched.indexOf(delivery.message);
    if (at === -1) continue;
    unmatched.splice(at, 1);
    reached.push(delivery.message);
  }
  return reached;
}

/** `acted`: an actor with this trigger acted — the answer waited, listened, or ran the command it waits for. */
export function compileActedCheck(check: ActedCheck): CompiledCheck {
  const expected = ACTED.expected(triggerName(check.trigger));
  const found = notActed(check.trigger);
  return {
    check,
    commands: () => [],
    judge: (_replies, context) => (context.actors.acted(check.trigger) ? { passed: true } : { passed: false, expected, found }),
  };
}

function notActed(trigger: ActorTrigger): BilingualText {
  switch (trigger.on) {
    case 'after':
      return ACTED.after(trigger.command);
    case 'printed':
      return ACTED.printed(trigger.text);
    case 'blocked':
      return ACTED.blocked;
    case 'subscribed':
      return ACTED.subscribed;
  }
}
