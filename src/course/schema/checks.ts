/**
 * Checks: one schema per kind, the kind being the field that names it; and
 * the checks the loader hands out, each tagged with its kind and place.
 */
import { z } from 'zod';
import { closedMap, onlyWhenValid } from './closed-map.js';
import { NodeNameSchema } from './topology.js';
import { CommandNamesSchema, type CommandPattern } from './command-patterns.js';
import { ExpectSchema, type Expectation } from './expectations.js';
import type { SourceLocation } from './source-location.js';
import { TextSchema } from './texts.js';
import type { ActorTrigger } from './actors.js';
import { ActedCheckFields, ConnectionsCheckFields, ExitCodeCheckFields, OutputCheckFields, ReceivedCheckFields, type ReceivedFile } from './program-checks.js';
import { ComparisonSchema, CountSchema, ScalarSchema, type Count } from './values.js';

export const CHECK_KINDS = ['command', 'key', 'lua', 'used', 'notUsed', 'published', 'subscribed', 'js', 'output', 'exitCode', 'received', 'connections', 'acted'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

const WaitSchema = z
  .number()
  .int()
  .positive()
  .max(10_000, { error: 'at most 10000 (ms)' })
  .describe('Retry the check for up to this many milliseconds (at most 10000), for expiry and blocking commands.');

const DescriptionSchema = TextSchema.describe('The checklist item the learner sees.');

/** The fields every kind of check has besides the one that names it. */
const CheckCommonSchema = z.object({
  description: DescriptionSchema,
  wait: WaitSchema.optional(),
  hidden: z
    .boolean()
    .optional()
    .describe("A teacher's check: show, run and the tutor count it (\"2 hidden checks: 1 passes\") without its description or values; grade reports it in full."),
});

const AsUserSchema = closedMap(
  'field',
  {
    user: z.string().min(1).optional().describe('ACL user name; omit for requirepass (AUTH password).'),
    password: z.string().describe('The password. Quote it if it looks like a number.'),
  },
  'expected { user, password }',
).describe('Run the command on a fresh connection authenticated as this user.');

export const CommandCheckSchema = closedMap('command check field', {
  ...CheckCommonSchema.shape,
  command: z
    .string()
    .min(1)
    .refine((line) => !line.includes('\n'), { error: 'one redis-cli line (use several checks for several commands)' })
    .describe('One redis-cli line the tutor runs; its reply is compared with `expect`.'),
  expect: ExpectSchema,
  as: AsUserSchema.optional(),
  node: NodeNameSchema.optional(),
});

export const KEY_TYPES = ['string', 'list', 'set', 'zset', 'hash', 'stream'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

export const KEY_SHORTHANDS = ['exists', 'type', 'value', 'ttl', 'length', 'list', 'set', 'zset', 'hash', 'fields', 'stream'] as const;

const StreamShorthandSchema = closedMap(
  'stream field',
  {
    length: CountSchema.optional().describe('XLEN: a number or a comparison map.'),
    entries: z
      .array(z.record(z.string(), ScalarSchema))
      .optional()
      .describe('The entries as field maps, oldest first; ids are ignored.'),
  },
  'expected { length } and/or { entries }',
).refine((stream) => stream.length !== undefined || stream.entries !== undefined, {
  error: 'expected length and/or entries',
  ...onlyWhenValid,
});

export const KeyCheckSchema = closedMap('key check field', {
  ...CheckCommonSchema.shape,
  key: z.string().min(1).describe('The key whose state is checked.'),
  exists: z.boolean().optional().describe('true: the key exists; false: it does not.'),
  type: z.enum(KEY_TYPES).optional().describe('TYPE of the key.'),
  value: ScalarSchema.optional().describe('The string value equals this.'),
  ttl: z
    .union([z.literal('none'), ComparisonSchema], { error: 'expected none or a comparison map such as { between: [50, 60] }' })
    .optional()
    .describe('none: no expiry; or a range in seconds such as { between: [50, 60] } or { gte: 1 }.'),
  length: CountSchema.optional().describe('STRLEN / LLEN / SCARD / ZCARD / HLEN / XLEN (by type).'),
  list: z.array(ScalarSchema).optional().describe('LRANGE 0 -1 is exactly this.'),
  set: z.array(ScalarSchema).optional().describe('SMEMBERS has exactly these members, in any order.'),
  zset: z
    .array(z.tuple([ScalarSchema, z.number()], { error: 'expected [member, score]' }))
    .optional()
    .describe('Members with scores, in rank order: [[alice, 50], [bob, 20]].'),
  hash: z.record(z.string(), ScalarSchema).optional().describe('HGETALL is exactly these fields.'),
  fields: z.record(z.string(), ScalarSchema).optional().describe('The hash has at least these fields with these values.'),
  stream: StreamShorthandSchema.optional().describe('{ length } and/or { entries: [{ field: value }, ...] }.'),
}).refine((check) => KEY_SHORTHANDS.some((name) => check[name] !== undefined), {
  error: `a key check needs at least one of ${KEY_SHORTHANDS.join(', ')}`,
  ...onlyWhenValid,
});

export const LuaCheckSchema = closedMap('lua check field', {
  ...CheckCommonSchema.shape,
  lua: z.string().min(1).describe('A script run with EVAL; passes when it returns 1 or true, a returned string is the failure message.'),
  keys: z.array(z.string()).optional().describe('KEYS passed to the script.'),
  args: z.array(ScalarSchema).optional().describe('ARGV passed to the script.'),
});

export const UsedCheckSchema = closedMap('used check field', {
  ...CheckCommonSchema.shape,
  used: CommandNamesSchema.describe('The learner used this command (or any one of the list); a { command, with } item also needs those arguments.'),
  before: CommandNamesSchema.optional().describe('Only a run before the first command matching this counts: read the old value before the write that replaces it.'),
  after: CommandNamesSchema.optional().describe('Only a run after the last command matching this counts: look at the result after the command that made it.'),
});

export const NotUsedCheckSchema = closedMap('notUsed check field', {
  ...CheckCommonSchema.shape,
  notUsed: CommandNamesSchema.describe('The learner used none of these commands (a { command, with } item: not with those arguments).'),
});

const PublishedSchema = closedMap(
  'published field',
  {
    channel: z.string().min(1).describe('The channel the learner published to.'),
    count: CountSchema.optional().describe('How many messages (with message: how many that meet it): a number or a comparison map (default: at least one).'),
    message: ExpectSchema.optional().describe('An expectation the counted messages meet; other messages on the channel do not count, and do not fail the check.'),
  },
  'expected { channel, count, message }',
).describe('Messages the learner published (the tutor subscribes before the exercise starts).');

export const PublishedCheckSchema = closedMap('published check field', {
  ...CheckCommonSchema.shape,
  published: PublishedSchema,
});

const SubscribedSchema = closedMap(
  'subscribed field',
  {
    channels: z.array(z.string().min(1)).optional().describe('Channels the learner connection is subscribed to.'),
    patterns: z.array(z.string().min(1)).optional().describe('Patterns the learner connection is subscribed to (PSUBSCRIBE).'),
  },
  'expected { channels } and/or { patterns }',
)
  .refine((map) => (map.channels?.length ?? 0) + (map.patterns?.length ?? 0) > 0, {
    error: 'expected channels and/or patterns',
    ...onlyWhenValid,
  })
  .describe("The learner's connection is subscribed to these channels or patterns.");

export const SubscribedCheckSchema = closedMap('subscribed check field', {
  ...CheckCommonSchema.shape,
  subscribed: SubscribedSchema,
});

export const JsCheckSchema = closedMap('js check field', {
  ...CheckCommonSchema.shape,
  js: z
    .string()
    .regex(/^checks\/[^/\\]+\.(?:js|ts)$/, { error: 'expected a .js or .ts file in the checks/ folder beside the YAML, e.g. checks/lock-release.js' })
    .describe('A module in checks/ (JavaScript, or TypeScript loaded without a build step) exporting a default async function (api) => { passed, expected?, found? }.'),
});

export const OutputCheckSchema = closedMap('output check field', { ...CheckCommonSchema.shape, ...OutputCheckFields });
export const ExitCodeCheckSchema = closedMap('exitCode check field', { ...CheckCommonSchema.shape, ...ExitCodeCheckFields });
export const ReceivedCheckSchema = closedMap('received check field', { ...CheckCommonSchema.shape, ...ReceivedCheckFields });
export const ConnectionsCheckSchema = closedMap('connections check field', { ...CheckCommonSchema.shape, ...ConnectionsCheckFields });
export const ActedCheckSchema = closedMap('acted check field', { ...CheckCommonSchema.shape, ...ActedCheckFields });

/** In the order of CHECK_KINDS: the loader picks the branch by the kind field present. */
export const CheckSchema = z
  .union([
    CommandCheckSchema,
    KeyCheckSchema,
    LuaCheckSchema,
    UsedCheckSchema,
    NotUsedCheckSchema,
    PublishedCheckSchema,
    SubscribedCheckSchema,
    JsCheckSchema,
    OutputCheckSchema,
    ExitCodeCheckSchema,
    ReceivedCheckSchema,
    ConnectionsCheckSchema,
    ActedCheckSchema,
  ])
  .describe(`A check; its kind is the field that names it: ${CHECK_KINDS.join(', ')}.`);

// ---------------------------------------------------------------------------
// Types of the YAML as written

export type CheckFile = z.infer<typeof CheckSchema>;
export type AsUser = z.infer<typeof AsUserSchema>;
export type StreamShorthand = z.infer<typeof StreamShorthandSchema>;

// ---------------------------------------------------------------------------
// What the loader hands out: the fields as written, shorthands expanded

type CheckCommon = z.infer<typeof CheckCommonSchema>;

/** The fields of one kind of check as written, without those every check has. */
type OwnFields<Schema extends z.ZodType> = Omit<z.infer<Schema>, keyof CheckCommon>;

/** `description` and `wait` (milliseconds to keep retrying) as written, and what the loader adds to every check. */
type LoadedCheck<Kind extends CheckKind> = CheckCommon & {
  kind: Kind;
  /** Position in the exercise's `checks` list. */
  index: number;
  /** Where the check starts in the YAML file. */
  location: SourceLocation;
};

/** `expect: 3` arrives as `{ equals: 3 }`; `as` runs it on a fresh connection authenticated as that user. */
export type CommandCheck = LoadedCheck<'command'> & Omit<OwnFields<typeof CommandCheckSchema>, 'expect'> & { expect: Expectation };

/** Key state; every shorthand given must hold. `ttl: 'none'`: no expiry; otherwise the TTL in seconds must satisfy the comparison. */
export type KeyCheck = LoadedCheck<'key'> & OwnFields<typeof KeyCheckSchema>;

type LuaCheckFile = z.infer<typeof LuaCheckSchema>;

export type LuaCheck = LoadedCheck<'lua'> & {
  script: LuaCheckFile['lua'];
  keys: NonNullable<LuaCheckFile['keys']>;
  /** ARGV, as the strings Redis receives. */
  args: string[];
};

/**
 * Passes when the learner ran a command matching at least one of `commands`,
 * before the first command matching `before` and after the last matching
 * `after` (either absent or empty: no bound; a bound nobody ran: no bound).
 */
export type UsedCheck = LoadedCheck<'used'> & { commands: CommandPattern[]; before?: CommandPattern[]; after?: CommandPattern[] };

/** Passes when the learner ran no command matching any of `commands`. */
export type NotUsedCheck = LoadedCheck<'notUsed'> & { commands: CommandPattern[] };

type PublishedFile = z.infer<typeof PublishedSchema>;

export type PublishedCheck = LoadedCheck<'published'> &
  Pick<PublishedFile, 'channel'> & {
    /** Defaults to `{ gte: 1 }` (at least one message). */
    count: NonNullable<PublishedFile['count']>;
    /** Only the messages that meet it are counted. */
    message?: Expectation;
  };

export type SubscribedCheck = LoadedCheck<'subscribed'> & Required<z.infer<typeof SubscribedSchema>>;

export type JsCheck = LoadedCheck<'js'> & {
  /** As written in the YAML, e.g. `checks/lock-release.js`. */
  module: z.infer<typeof JsCheckSchema>['js'];
  /** Absolute path of the module. */
  modulePath: string;
};

/** What a program printed: it contains every text of `contains`, matches `matches`, has `lines` lines. */
export type OutputCheck = LoadedCheck<'output'> & { contains: string[]; matches?: string; lines?: Count };

export type ExitCodeCheck = LoadedCheck<'exitCode'> & { exitCode: number };

export type ReceivedCheck = LoadedCheck<'received'> &
  Pick<ReceivedFile, 'channel'> & {
    /** Defaults to `{ gte: 1 }`. */
    count: Count;
    message?: Expectation;
    /** Defaults to true. */
    printed: boolean;
  };

/** How many connections a program opened. */
export type ConnectionsCheck = LoadedCheck<'connections'> & { count: Count };

/** An actor with this trigger acted. */
export type ActedCheck = LoadedCheck<'acted'> & { trigger: ActorTrigger };

export type Check =
  | CommandCheck
  | KeyCheck
  | LuaCheck
  | UsedCheck
  | NotUsedCheck
  | PublishedCheck
  | SubscribedCheck
  | JsCheck
  | OutputCheck
  | ExitCodeCheck
  | ReceivedCheck
  | ConnectionsCheck
  | ActedCheck;
