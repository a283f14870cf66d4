import type { Redis } from 'ioredis';
import type { ActorTrigger, Check } from '../../course/schema.js';
import type { ConnectionSpec } from '../../redis/target.js';
import type { Topology } from '../../redis/topology/topology.js';
import type { Verdict } from '../../results/check-result.js';
import type { ActorPublish } from '../actor-runner.js';
import type { ProgramFacts } from '../program-facts.js';
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
  /** Set when the answer is a program: what it printed, how it ended, its connections (./program-facts.ts). */
  program?: ProgramFacts;
  /** What the actors (the other client the tutor plays) did in this attempt. */
  actors: ActorRecord;
  /** The exercise's running topology (`topology:`), for checks with `node:`. */
  topology?: Topology;
}

/** The actors' side of the attempt, for checks that ask who wrote. */
export interface ActorRecord {
  /** Every PUBLISH an actor made, with the receivers the server counted. */
  publishes: readonly ActorPublish[];
  /** Whether an actor with this trigger acted. */
  acted(trigger: ActorTrigger): boolean;
  /** Whether the tutor itself listens on the channel (for a published check): one of a PUBLISH's receivers is then the tutor. */
  tutorListens(channel: string): boolean;
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
