import type { PublishedCheck } from '../../course/schema.js';
import { checkExpectation, compareNumber, describeComparison, describeExpectation } from '../expectations.js';
import { formatValue } from '../format-value.js';
import { PUBLISHED } from '../texts.js';
import type { CompiledCheck } from './compiled-check.js';

/**
 * `published`: the messages the tutor's subscriber received on the channel
 * since the attempt started. With `message`, `count` counts the messages that
 * meet it: a wrong PUBLISH before the right one does not spoil the answer.
 */
export function compilePublishedCheck(check: PublishedCheck): CompiledCheck {
  const exact = typeof check.count === 'number' ? check.count : undefined;
  const comparison = describeComparison(check.count);
  return {
    check,
    commands: () => [],
    async judge(_replies, context) {
      const messages = await context.publishedMessages(check.channel);
      const expectation = check.message;
      const meeting = expectation ? messages.filter((message) => checkExpectation(expectation, message).passed) : messages;
      if (compareNumber(meeting.length, check.count)) return { passed: true };
      const shown = messages.length > 0 ? formatValue([...messages]) : undefined;
      if (!expectation) return { passed: false, expected: PUBLISHED.messagesOn(exact, comparison, check.channel), found: PUBLISHED.messagesFound(messages.length, shown) };
      return {
        passed: false,
        expected: PUBLISHED.messagesMeeting(exact, comparison, check.channel, describeExpectation(expectation)),
        found: PUBLISHED.meetingFound(meeting.length, messages.length, shown),
      };
    },
  };
}
