/**
 * The exercise format (exercises/README.md) as zod schemas, and the types the
 * rest of redis-tutor works with.
 *
 * Two layers:
 * - `*Schema` / `*File` types describe the YAML exactly as teachers write it
 *   (shorthands allowed). The JSON Schemas in schema/ are generated from them.
 * - `Check`, `Expectation`, `Actor`, `LoadedExercise`... are what the loader
 *   hands out: shorthands expanded, every check tagged with a `kind` and the
 *   place in the file it came from, so the engine never re-interprets YAML.
 */
import { z } from 'zod';
import { closestMatches } from './closest.js';

/** The newest `formatVersion` this redis-tutor reads. */
export const SUPPORTED_FORMAT_VERSION = 1;

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

// ---------------------------------------------------------------------------
// Building blocks

/**
 * A map that rejects unknown fields, naming the allowed ones: a typo such as
 * `expct` is the most common authoring mistake and must not pass silently.
 */
function closedMap<Shape extends z.ZodRawShape>(noun: string, shape: Shape, typeMessage?: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return unknownKeysMessage(noun, issue.keys, known);
      if (issue.code === 'invalid_type' && typeMessage) return typeMessage;
      return undefined;
    },
  });
}

export function unknownKeysMessage(noun: string, keys: readonly string[], known: readonly string[]): string {
  const names = keys.map((key) => `"${key}"`).join(', ');
  const guess = keys.length === 1 && keys[0] !== undefined ? closestMatches(keys[0], known, 1)[0] : undefined;
  const hint = guess ? `did you mean "${guess}"? ` : '';
  return `unknown ${noun}${keys.length > 1 ? 's' : ''} ${names} — ${hint}expected one of ${known.join(', ')}`;
}

function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * For "at least one of" rules: only when the map is otherwise valid, so an
 * unknown field is reported once, not also as "nothing given".
 */
const onlyWhenValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** A JavaScript regular expression, checked to compile (without flags). */
const RegexSchema = z
  .string()
  .superRefine((pattern, ctx) => {
    const problem = regexError(pattern);
    if (problem) ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${problem}` });
  })
  .describe('A JavaScript regular expression. In YAML, quote it and double the backslashes: "^user:\\\\d+$".');

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const IdSchema = z
  .string()
  .regex(KEBAB_ID, { error: 'must be kebab-case: lowercase letters, digits and single dashes, e.g. first-key' })
  .describe('kebab-case id; must equal the file or folder name without its NN- number. Never change it once published.');

const FormatVersionSchema = z
  .literal(SUPPORTED_FORMAT_VERSION, {
    error: `must be ${SUPPORTED_FORMAT_VERSION} (the exercise format version this redis-tutor reads)`,
  })
  .describe('Version of the exercise format. A newer version is refused with a message to upgrade redis-tutor.');

export const TextSchema = closedMap(
  'language',
  {
    en: z.string().describe('English text'),
    ru: z.string().optional().describe('Russian text. When missing, English is shown and `validate` warns.'),
  },
  'expected a text: a map with en and ru, e.g. { en: Hello, ru: Привет }',
).describe('A text in English and Russian.');

const RequirementSchema = z
  .enum(['owned-server'], { error: 'expected owned-server' })
  .describe('owned-server: needs a server redis-tutor started itself (restarts, persistence); skipped with a note under --url.');

const ReplyValueSchema = z
  .json()
  .describe('A reply as a plain value: string, number, null for nil, list for arrays and sets, map for RESP3 maps.');

/** A Redis value written in YAML: `"3"` and `3` both mean the bytes "3". */
const ScalarSchema = z
  .union([z.string(), z.number()], { error: 'expected a string or a number' })
  .describe('A Redis value (string or number).');

const RangeSchema = z
  .tuple([z.number(), z.number()], { error: 'expected [low, high], e.g. [1, 60]' })
  .refine(([low, high]) => low <= high, { error: 'the low end must not exceed the high end' })
  .describe('An inclusive range [low, high].');

const COMPARISON_KEYS = ['gt', 'gte', 'lt', 'lte', 'between'] as const;

export const ComparisonSchema = closedMap(
  'comparison',
  {
    gt: z.number().optional().describe('greater than'),
    gte: z.number().optional().describe('greater than or equal to'),
    lt: z.number().optional().describe('less than'),
    lte: z.number().optional().describe('less than or equal to'),
    between: RangeSchema.optional().describe('within [low, high], inclusive'),
  },
  'expected a comparison map such as { gte: 1 } or { between: [1, 60] }',
)
  .refine((map) => COMPARISON_KEYS.some((key) => map[key] !== undefined), {
    error: `expected at least one of ${COMPARISON_KEYS.join(', ')}`,
    ...onlyWhenValid,
  })
  .describe('A numeric comparison; all given bounds must hold.');

export const CountSchema = z
  .union([z.number().int().nonnegative(), ComparisonSchema], {
    error: 'expected a number or a comparison map such as { gte: 2 }',
  })
  .describe('An exact number, or a comparison map such as { gte: 2 }.');

const WaitSchema = z
  .number()
  .int()
  .positive()
  .max(10_000, { error: 'at most 10000 (ms)' })
  .describe('Retry the check for up to this many milliseconds (at most 10000), for expiry and blocking commands.');

const DescriptionSchema = TextSchema.describe('The checklist item the learner sees.');

// ---------------------------------------------------------------------------
// Expectations (`expect:` of a command check, `message:` of a published check)

export const EXPECTATION_KEYS = [
  'equals',
  'oneOf',
  'matches',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'nil',
  'error',
  'ok',
  'length',
  'contains',
  'sameMembers',
  'path',
] as const;
export type ExpectationKey = (typeof EXPECTATION_KEYS)[number];

export const ExpectationMapSchema = closedMap('expectation', {
  equals: ReplyValueSchema.optional().describe('The reply equals this (deep; 3 and "3" are equal).'),
  oneOf: z.array(ReplyValueSchema).min(1).optional().describe('The reply equals one of these.'),
  matches: RegexSchema.optional().describe('The reply, as text, matches this regular expression.'),
  gt: z.number().optional().describe('The reply, as a number, is greater than this.'),
  gte: z.number().optional().describe('The reply, as a number, is greater than or equal to this.'),
  lt: z.number().optional().describe('The reply, as a number, is less than this.'),
  lte: z.number().optional().describe('The reply, as a number, is less than or equal to this.'),
  between: RangeSchema.optional().describe('The reply, as a number, lies in [low, high] (inclusive).'),
  nil: z.boolean().optional().describe('true: the reply is nil; false: it is not.'),
  error: z
    .union([z.literal(true), RegexSchema], { error: 'expected true or a regular expression the error text must match' })
    .optional()
    .describe('true: the reply is an error; a pattern: an error whose text matches it.'),
  ok: z.boolean().optional().describe('true: the reply is not an error.'),
  length: CountSchema.optional().describe('Items of an array or bytes of a string: a number or a comparison map.'),
  contains: ReplyValueSchema.optional().describe(
    'Array reply: includes this value, or each value of a list. Text reply: contains the substring (or each of a list).',
  ),
  sameMembers: z.array(ReplyValueSchema).optional().describe('Array reply: exactly these items, in any order.'),
  path: z
    .array(z.union([z.number().int().nonnegative(), z.string()], { error: 'expected an array index or a field name' }))
    .min(1)
    .optional()
    .describe('First go into the reply: a number indexes an array, a text picks a map field (also a flat [field, value, ...] array).'),
})
  .refine((map) => EXPECTATION_KEYS.some((key) => key !== 'path' && key in map), {
    error: `expected at least one expectation (${EXPECTATION_KEYS.filter((key) => key !== 'path').join(', ')})`,
    ...onlyWhenValid,
  })
  .describe('Expectations about the reply; all must hold.');

const PlainReplySchema = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(ReplyValueSchema)]);

/**
 * A map is always read as expectations, so a typo like `equal:` is reported
 * instead of silently comparing the reply with `{ equal: ... }`.
 */
export const ExpectSchema = z
  .union([ExpectationMapSchema, PlainReplySchema], {
    error: 'expected a plain value (shorthand for equals) or a map of expectations',
  })
  .describe('A plain value (shorthand for equals) or a map of expectations, all of which must hold. To compare with a map reply write equals: {...}.');

// ---------------------------------------------------------------------------
// Checks: one schema per kind; the kind is the field that names it.

export const CHECK_KINDS = ['command', 'key', 'lua', 'used', 'notUsed', 'published', 'subscribed', 'js'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

const checkCommon = {
  description: DescriptionSchema,
  wait: WaitSchema.optional(),
};

const AsUserSchema = closedMap(
  'field',
  {
    user: z.string().min(1).optional().describe('ACL user name; omit for requirepass (AUTH password).'),
    password: z.string().describe('The password. Quote it if it looks like a number.'),
  },
  'expected { user, password }',
).describe('Run the command on a fresh connection authenticated as this user.');

export const CommandCheckSchema = closedMap('command check field', {
  ...checkCommon,
  command: z
    .string()
    .min(1)
    .refine((line) => !line.includes('\n'), { error: 'one redis-cli line (use several checks for several commands)' })
    .describe('One redis-cli line the tutor runs; its reply is compared with `expect`.'),
  expect: ExpectSchema,
  as: AsUserSchema.optional(),
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
  ...checkCommon,
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
  ...checkCommon,
  lua: z.string().min(1).describe('A script run with EVAL; passes when it returns 1 or true, a returned string is the failure message.'),
  keys: z.array(z.string()).optional().describe('KEYS passed to the script.'),
  args: z.array(ScalarSchema).optional().describe('ARGV passed to the script.'),
});

/**
 * One argument as the learner types it. `-1` is read by YAML as a number,
 * hence numbers too. Arguments are split like redis-cli splits a line, so an
 * item with a space ("MAXLEN ~") could never match: refused, not silently false.
 */
const ArgumentTextSchema = z
  .string()
  .min(1, { error: 'expected an argument such as NX' })
  .refine((arg) => !/\s/.test(arg), { error: 'one argument per item — write [MAXLEN, "~"], not "MAXLEN ~"' })
  .describe('One whole argument, e.g. NX; compared case-insensitively.');

const ARGUMENT_ERROR = 'expected an argument such as NX or -1';

/*
 * The "one or a list" fields below are flat unions (not a union of a union and
 * a list): zod then reports a wrong item at its own index, e.g. used[1].
 */
const ArgumentsSchema = z.union(
  [
    ArgumentTextSchema,
    z.number(),
    z.array(z.union([ArgumentTextSchema, z.number()], { error: ARGUMENT_ERROR })).min(1, { error: 'expected at least one argument' }),
  ],
  { error: `${ARGUMENT_ERROR}, or a list of them` },
);

const PatternsSchema = z.union([RegexSchema, z.array(RegexSchema).min(1, { error: 'expected at least one regular expression' })], {
  error: 'expected a regular expression or a list of them',
});

const CommandNameSchema = z.string({ error: 'expected a command name such as INCR' }).min(1, { error: 'expected a command name such as INCR' });

export const CommandPatternSchema = closedMap(
  'command pattern field',
  {
    command: CommandNameSchema.describe('The command name; subcommands as `CONFIG SET`.'),
    with: ArgumentsSchema.optional().describe(
      'Arguments the command must contain, each as a whole argument, anywhere after the name, case-insensitively: [NX, EX].',
    ),
    withMatching: PatternsSchema.optional().describe(
      'Regular expressions (case-insensitive); each must match one of the arguments after the name. Anchor them: "^-\\\\d+$" matches a negative index such as -1.',
    ),
  },
  'expected a command name such as INCR or a map such as { command: SET, with: [NX, EX] }',
).describe('A command with arguments it must contain: { command: SET, with: [NX, EX] }.');

const COMMAND_ITEM_ERROR = 'expected a command name such as INCR or a map such as { command: SET, with: [NX, EX] }';

/** A bare name (any arguments) or a pattern; `INCR` means `{ command: INCR }`. */
const CommandNamesSchema = z
  .union(
    [
      CommandNameSchema,
      CommandPatternSchema,
      z.array(z.union([CommandNameSchema, CommandPatternSchema], { error: COMMAND_ITEM_ERROR })).min(1, { error: 'expected at least one command' }),
    ],
    { error: 'expected a command name, a { command, with } map, or a list of them' },
  )
  .describe('A command name or { command: SET, with: [NX, EX] }, or a list of them; subcommands as `CONFIG SET`.');

export const UsedCheckSchema = closedMap('used check field', {
  ...checkCommon,
  used: CommandNamesSchema.describe('The learner used this command (or any one of the list); a { command, with } item also needs those arguments.'),
});

export const NotUsedCheckSchema = closedMap('notUsed check field', {
  ...checkCommon,
  notUsed: CommandNamesSchema.describe('The learner used none of these commands (a { command, with } item: not with those arguments).'),
});

export const PublishedCheckSchema = closedMap('published check field', {
  ...checkCommon,
  published: closedMap(
    'published field',
    {
      channel: z.string().min(1).describe('The channel the learner published to.'),
      count: CountSchema.optional().describe('How many messages: a number or a comparison map (default: at least one).'),
      message: ExpectSchema.optional().describe('An expectation every message must meet.'),
    },
    'expected { channel, count, message }',
  ).describe('Messages the learner published (the tutor subscribes before the exercise starts).'),
});

export const SubscribedCheckSchema = closedMap('subscribed check field', {
  ...checkCommon,
  subscribed: closedMap(
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
    .describe("The learner's connection is subscribed to these channels or patterns."),
});

export const JsCheckSchema = closedMap('js check field', {
  ...checkCommon,
  js: z
    .string()
    .regex(/^checks\/[^/\\]+\.js$/, { error: 'expected a file in the checks/ folder beside the YAML, e.g. checks/lock-release.js' })
    .describe('A module in checks/ exporting a default async function (api) => { passed, expected?, found? }.'),
});

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
  ])
  .describe(`A check; its kind is the field that names it: ${CHECK_KINDS.join(', ')}.`);

// ---------------------------------------------------------------------------
// Actors

/**
 * What an actor's `run` may hold besides redis-cli lines: a line starting
 * with `!` is a directive to the tutor, never sent to Redis.
 * - `!restart`: the server crashes (nothing is saved on the way down) and
 *   starts again in the same directory, loading what was saved (dump.rdb).
 *   Needs `requires: owned-server`.
 */
export const ACTOR_DIRECTIVES = ['restart'] as const;
export type ActorDirective = (typeof ACTOR_DIRECTIVES)[number];

/** `!restart` → `restart`; undefined for a redis-cli line. An unknown name comes back as written (lint reports it). */
export function directiveName(line: string): string | undefined {
  const trimmed = line.trim();
  return trimmed.startsWith('!') ? trimmed.slice(1) : undefined;
}

export function isActorDirective(name: string): name is ActorDirective {
  return (ACTOR_DIRECTIVES as readonly string[]).includes(name);
}

export const ActorSchema = closedMap('actor field', {
  when: z
    .union(
      [
        z.enum(['blocked', 'subscribed']),
        closedMap('trigger', { after: z.string().min(1).describe('A command name, e.g. MULTI') }, 'expected { after: COMMAND }'),
      ],
      { error: 'expected blocked, subscribed or { after: COMMAND }' },
    )
    .describe("blocked: the learner's connection waits in a blocking command; subscribed: it subscribed; { after: CMD }: right after the learner's CMD was answered."),
  run: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'expected redis-cli lines' })
    .describe(
      'One or more redis-cli lines the tutor runs on its own connection. A line starting with ! is a tutor directive: !restart crashes the server (no save on the way down) and restarts it with what was saved; it needs requires: owned-server.',
    ),
  say: TextSchema.describe('What the learner is told the other client did.'),
}).describe('The other client the tutor plays; each actor acts once per attempt.');

// ---------------------------------------------------------------------------
// Files

export const ModuleFileSchema = closedMap('module field', {
  formatVersion: FormatVersionSchema,
  id: IdSchema,
  title: TextSchema.describe('The module title.'),
  summary: TextSchema.describe('One or two sentences on what the module covers.'),
  requires: RequirementSchema.optional(),
}).describe('A redis-tutor module (module.yaml).');

export const ExerciseFileSchema = closedMap('exercise field', {
  formatVersion: FormatVersionSchema,
  id: IdSchema,
  title: TextSchema.describe('The exercise title.'),
  docs: z.array(z.url({ error: 'expected a URL' })).optional().describe('Links to the official command pages.'),
  lesson: TextSchema.describe('The lesson, in Markdown.'),
  task: TextSchema.describe('The task, in Markdown.'),
  hints: z
    .array(TextSchema)
    .min(1, { error: 'expected at least one hint' })
    .describe('One or more hints, shown one at a time, from gentle to explicit.'),
  solution: z.string().describe('The reference solution: redis-cli lines; # starts a comment line.'),
  setup: z.string().optional().describe("redis-cli lines run on the tutor's connection on a clean sandbox before the learner starts."),
  keys: z.array(z.string().min(1)).optional().describe('Keys the data panel shows (it also shows keys the learner touches).'),
  actors: z.array(ActorSchema).optional().describe('The other client the tutor plays.'),
  requires: RequirementSchema.optional(),
  checks: z
    .array(CheckSchema)
    .min(1, { error: 'expected at least one check' })
    .describe('One or more checks; all must pass.'),
}).describe('A redis-tutor exercise.');

// ---------------------------------------------------------------------------
// Types of the YAML as written

export type Text = z.infer<typeof TextSchema>;
export type Requirement = z.infer<typeof RequirementSchema>;
export type ReplyValue = z.infer<typeof ReplyValueSchema>;
export type Scalar = z.infer<typeof ScalarSchema>;
export type Comparison = z.infer<typeof ComparisonSchema>;
/** An exact number or a comparison map. */
export type Count = z.infer<typeof CountSchema>;
export type ExpectationMap = z.infer<typeof ExpectationMapSchema>;
export type ModuleFile = z.infer<typeof ModuleFileSchema>;
export type ExerciseFile = z.infer<typeof ExerciseFileSchema>;
export type CheckFile = z.infer<typeof CheckSchema>;
export type ActorFile = z.infer<typeof ActorSchema>;
export type AsUser = z.infer<typeof AsUserSchema>;
export type StreamShorthand = z.infer<typeof StreamShorthandSchema>;

// ---------------------------------------------------------------------------
// What the loader hands out

/** A place in a file, 1-based, for messages such as `file.yaml:14:5: ...`. */
export interface SourceLocation {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
}

/** A step into parsed YAML: a map key or a list index. */
export type PathSegment = string | number;

/**
 * Expectations with the shorthands expanded: a plain `expect: 3` becomes
 * `{ equals: 3 }` and `contains` is always a list (each item must be contained).
 */
export type Expectation = Omit<ExpectationMap, 'contains'> & { contains?: ReplyValue[] };

interface CheckBase {
  kind: CheckKind;
  description: Text;
  /** Milliseconds to keep retrying before the check counts as failed. */
  wait?: number;
  /** Position in the exercise's `checks` list. */
  index: number;
  /** Where the check starts in the YAML file. */
  location: SourceLocation;
}

export interface CommandCheck extends CheckBase {
  kind: 'command';
  /** One redis-cli line. */
  command: string;
  expect: Expectation;
  /** Run on a fresh connection authenticated as this user instead of the tutor's. */
  as?: AsUser;
}

/** Key state; every shorthand given must hold. */
export interface KeyCheck extends CheckBase {
  kind: 'key';
  key: string;
  exists?: boolean;
  type?: KeyType;
  value?: Scalar;
  /** `'none'`: no expiry; otherwise the TTL in seconds must satisfy the comparison. */
  ttl?: 'none' | Comparison;
  length?: Count;
  list?: Scalar[];
  set?: Scalar[];
  /** [member, score] in rank order. */
  zset?: Array<[Scalar, number]>;
  hash?: Record<string, Scalar>;
  fields?: Record<string, Scalar>;
  stream?: StreamShorthand;
}

export interface LuaCheck extends CheckBase {
  kind: 'lua';
  script: string;
  keys: string[];
  /** ARGV, as the strings Redis receives. */
  args: string[];
}

/**
 * A command the learner ran, with arguments it must contain. A bare name in
 * the YAML is a pattern with empty `with` and `withMatching` (any arguments).
 */
export interface CommandPattern {
  /** Upper-case, single-spaced: `INCR`, `CONFIG SET`. */
  command: string;
  /** Whole arguments, as written (`-1` as a string); compared case-insensitively. */
  with: string[];
  /** Regular expression sources; each must match some argument (case-insensitively). */
  withMatching: string[];
}

/** Passes when the learner ran a command matching at least one of `commands`. */
export interface UsedCheck extends CheckBase {
  kind: 'used';
  commands: CommandPattern[];
}

/** Passes when the learner ran no command matching any of `commands`. */
export interface NotUsedCheck extends CheckBase {
  kind: 'notUsed';
  commands: CommandPattern[];
}

export interface PublishedCheck extends CheckBase {
  kind: 'published';
  channel: string;
  /** Defaults to `{ gte: 1 }` (at least one message). */
  count: Count;
  /** Every message must meet it. */
  message?: Expectation;
}

export interface SubscribedCheck extends CheckBase {
  kind: 'subscribed';
  channels: string[];
  patterns: string[];
}

export interface JsCheck extends CheckBase {
  kind: 'js';
  /** As written in the YAML, e.g. `checks/lock-release.js`. */
  module: string;
  /** Absolute path of the module. */
  modulePath: string;
}

export type Check = CommandCheck | KeyCheck | LuaCheck | UsedCheck | NotUsedCheck | PublishedCheck | SubscribedCheck | JsCheck;

export type ActorTrigger = { on: 'blocked' } | { on: 'subscribed' } | { on: 'after'; command: string };

export interface Actor {
  when: ActorTrigger;
  /** redis-cli lines and `!` directives (see ACTOR_DIRECTIVES), in order. */
  run: ScriptLine[];
  say: Text;
  index: number;
  location: SourceLocation;
}

/** One redis-cli line of a script (solution, setup, actor), comments and blank lines removed. */
export interface ScriptLine {
  text: string;
  location: SourceLocation;
}

export interface LoadedExercise {
  /** `module/exercise`, what progress and grading use. */
  id: string;
  /** The id inside the file, without the module. */
  localId: string;
  moduleId: string;
  /** The NN of the file name. */
  number: number;
  /** Absolute path of the YAML file. */
  file: string;
  title: Text;
  lesson: Text;
  task: Text;
  hints: Text[];
  /** As written, comments included. */
  solution: string;
  solutionLines: ScriptLine[];
  setup?: string;
  setupLines: ScriptLine[];
  keys: string[];
  docs: string[];
  actors: Actor[];
  requires?: Requirement;
  checks: Check[];
  /** Where a path of the YAML (e.g. `['hints', 1]`) is; the nearest existing parent when it is absent. */
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface LoadedModule {
  id: string;
  /** The NN of the folder name. */
  number: number;
  /** Absolute path of the module folder. */
  dir: string;
  /** Absolute path of module.yaml. */
  file: string;
  title: Text;
  summary: Text;
  requires?: Requirement;
  exercises: LoadedExercise[];
  locate(path: readonly PathSegment[]): SourceLocation;
}

export interface Course {
  /** Absolute path of the course folder. */
  dir: string;
  /** Ordered by their NN- prefixes. */
  modules: LoadedModule[];
}
