import type { Redis } from 'ioredis';
import type { Check } from '../../course/schema.js';
import type { ConnectionSpec } from '../../redis/target.js';
import type { Verdict } from '../../results/check-result.js';
import type { Value } from '../value.js';

/** One command for the checker's shared pipeline. */
export type CheckerCommand = readonly (string | Buffer)[];

/** What the learner's connection is subscribed to, as the session followed it. */
export interface LearnerSubscriptions {
  channels: ReadonlySet<string>;
  patterns: ReadonlySet<string>;
}

/** Everything a check may look at. Built by the session; checks never open the checker themselves. */
export interface CheckContext {
  checker: Redis;
  spec: ConnectionSpec;
  /** The learner's commands so far (successful ones), each as its arguments. */
  commands: readonly (readonly string[])[];
  /** The learner connection's CLIENT ID, when it is connected. */
  learnerClientId: number | undefined;
  learnerSubscriptions: LearnerSubscriptions;
  /** Messages the tutor received on a channel since the attempt started, after every earlier PUBLISH has arrived. */
  publishedMessages(channel: string): Promise<readonly string[]>;
  /** Runs a redis-cli line on the tutor's connection (js checks, which get it as a plain function). */
  runLine: (line: string) => Promise<Value>;
}

/**
 * A check turned into what the runner needs: the commands it wants in the
 * shared pipeline, and a judge of their replies. Compiled once per attempt so
 * evaluating after every learner command does no parsing.
 */
export interface CompiledCheck {
  check: Check;
  commands(context: CheckContext): CheckerCommand[];
  /** `replies` are this check's commands' replies, in order. */
  judge(replies: readonly Value[], context: CheckContext): Verdict | Promise<Verdict>;
}
