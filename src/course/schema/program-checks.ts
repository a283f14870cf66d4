/**
 * Checks on what an answer did besides the state it left: what a program
 * printed and how it ended, how many connections it opened, which messages
 * reached it, and whether the other client the tutor plays (an actor) acted.
 * Their fields; ./checks.ts puts them in the union of checks.
 */
import { z } from 'zod';
import { ActorWhenSchema } from './actors.js';
import { closedMap, onlyWhenValid } from './closed-map.js';
import { ExpectSchema } from './expectations.js';
import { CountSchema, RegexSchema } from './values.js';

const OutputSchema = closedMap(
  'output field',
  {
    contains: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected a text or a list of texts' })
      .optional()
      .describe('Text the output contains (each one of a list).'),
    matches: RegexSchema.optional().describe('A regular expression the output matches; ^ and $ match at every line.'),
    lines: CountSchema.optional().describe('How many lines it printed: a number or a comparison map.'),
  },
  'expected { contains, matches, lines }',
)
  .refine((map) => map.contains !== undefined || map.matches !== undefined || map.lines !== undefined, {
    error: 'expected contains, matches and/or lines',
    ...onlyWhenValid,
  })
  .describe('What a program answer printed, stdout and stderr together. Typed lines print nothing a check reads: the check fails for them.');

const ReceivedSchema = closedMap(
  'received field',
  {
    channel: z.string().min(1).describe('The channel the messages were published to.'),
    count: CountSchema.optional().describe('How many of the messages the actors published there reached the answer: a number or a comparison map (default: at least one).'),
    message: ExpectSchema.optional().describe('An expectation every such message must meet.'),
    printed: z.boolean().optional().describe('A program must also print each message it received (default true).'),
  },
  'expected { channel, count, message, printed }',
).describe(
  'Messages an actor published that reached the answer: the publisher counted a receiver besides the tutor, and a program received and printed them. An answer that publishes to the channel itself does not pass.',
);

export const OutputCheckFields = { output: OutputSchema };
export const ExitCodeCheckFields = {
  exitCode: z.number().int().min(0).max(255).describe('The exit code a program answer must end with; a program stopped while it waited on Redis has none.'),
};
export const ReceivedCheckFields = { received: ReceivedSchema };
export const ConnectionsCheckFields = {
  connections: CountSchema.describe('How many connections a program answer opened to Redis, in all: 1, or a comparison map such as { lte: 2 } for a pool.'),
};
export const ActedCheckFields = {
  acted: ActorWhenSchema.describe(
    'The actor with this `when:` acted: for blocked, the answer really waited; for subscribed, it really listened; for { after: CMD }, it ran CMD. An answer that plays the other side itself never sets the actor off.',
  ),
};

export type OutputFile = z.infer<typeof OutputSchema>;
export type ReceivedFile = z.infer<typeof ReceivedSchema>;
