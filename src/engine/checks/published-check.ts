import type { PublishedCheck } from '../../course/schema.js';
import { checkExpectation, compareNumber, describeComparison } from '../expectations.js';
import { formatValue } from '../format-value.js';
import { verbatim } from '../../results/check-result.js';
import { PUBLISHED } from '../texts.js';
import type { CompiledCheck } from './compiled-check.js';

/** `published`: the messages the tutor's subscriber received on the channel since the attempt started. */
export function compilePublishedCheck(check: PublishedCheck): CompiledCheck {
  return {
    check,
    commands: () => [],
    async judge(_replies, context) {
      const messages = await context.publishedMessages(check.channel);
      if (!compareNumber(messages.length, check.count)) {
        return {
          passed: false,
          expected: PUBLISHED.messagesOn(typeof check.count === 'number' ? check.count : undefined, describeComparison(check.count), check.channel),
          found: PUBLISHED.messagesFound(messages.length, messages.length > 0 ? formatValue([...messages]) : undefined),
        };
      }
      if (check.message) {
        for (const message of messages) {
          const verdict = checkExpectation(check.message, message);
          if (!verdict.passed) return { passed: false, expected: PUBLISHED.everyMessage(verdict.expected ?? ''), found: verdict.found ?? verbatim(formatValue(message)) };
        }
      }
      return { passed: true };
    },
  };
}
