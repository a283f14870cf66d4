import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActorSchema, CheckSchema, ExerciseFileSchema, ModuleFileSchema } from '../../src/course/schema.js';
import { explainIssues } from '../../src/course/zod-issues.js';

const ChecksOnly = z.strictObject({ checks: z.array(CheckSchema) });
const D = 'description: { en: d, ru: д }';

/** The explained problems of one check written in YAML (without its description line); [] when valid. */
function checkProblems(body: string): string[] {
  const check = parse(`${D}\n${body}`) as unknown;
  const result = ChecksOnly.safeParse({ checks: [check] });
  return result.success ? [] : explainIssues(result.error.issues, { checks: [check] }).map((issue) => issue.message);
}

describe('check kinds: valid', () => {
  it.each([
    ['command + plain expect', 'command: ZCARD leaderboard\nexpect: 3'],
    ['command + nil plain expect', 'command: GET missing\nexpect: null'],
    ['command + list plain expect', 'command: LRANGE l 0 -1\nexpect: [a, b]'],
    ['command + path/equals', 'command: XINFO GROUPS orders\nexpect: { path: [0, pending], equals: 1 }'],
    ['command + as (ACL user)', 'as: { user: reader, password: s3cret }\ncommand: SET x 1\nexpect: { error: "^NOPERM" }'],
    ['command + as (requirepass)', 'as: { password: s3cret }\ncommand: PING\nexpect: PONG'],
    ['command + wait', 'command: TTL k\nexpect: -2\nwait: 2000'],
    ['key + exists', 'key: k\nexists: false'],
    ['key + type + hash', 'key: cart:42\ntype: hash\nhash: { apple: "2", pear: "1" }'],
    ['key + value number', 'key: views:home\nvalue: 3'],
    ['key + ttl none', 'key: k\nttl: none'],
    ['key + ttl range', 'key: k\nttl: { between: [50, 60] }'],
    ['key + length comparison', 'key: k\nlength: { gte: 2 }'],
    ['key + list', 'key: q\nlist: [a, b]'],
    ['key + set', 'key: s\nset: [a, b]'],
    ['key + zset', 'key: z\nzset: [[alice, 50], [bob, 20]]'],
    ['key + fields', 'key: h\nfields: { name: Ann }'],
    ['key + stream', 'key: s\nstream: { length: 3, entries: [{ a: "1" }] }'],
    ['lua', "lua: return 1\nkeys: [a]\nargs: [10, x]"],
    ['used (one)', 'used: INCR'],
    ['used (list)', 'used: [INCR, INCRBY]'],
    ['used + before + after', 'used: { command: GET, with: [shop:name] }\nbefore: { command: SET, with: [shop:name] }\nafter: [FLUSHALL, FLUSHDB]'],
    ['notUsed', 'notUsed: SET'],
    ['used with arguments', 'used: { command: SET, with: [NX, EX] }'],
    ['used with one argument, not a list', 'used: { command: SET, with: NX }'],
    ['used with a negative number', 'used: { command: LRANGE, with: [-1] }'],
    ['used with a pattern', 'used: { command: LRANGE, withMatching: "^-\\\\d+$" }'],
    ['used: names and patterns mixed', 'used: [SETNX, { command: SET, with: [NX] }]'],
    ['used: a subcommand with arguments', 'used: { command: CONFIG SET, with: [maxmemory-policy] }'],
    ['notUsed with arguments', 'notUsed: [DEL, { command: SET, with: [KEEPTTL] }]'],
    ['published', 'published: { channel: "chat:general", count: 2, message: { matches: "hello" } }'],
    ['published (plain message)', 'published: { channel: c, count: { gte: 1 }, message: hi }'],
    ['subscribed channels', 'subscribed: { channels: [news] }'],
    ['subscribed patterns', 'subscribed: { patterns: ["news.*"] }'],
    ['js', 'js: checks/lock-release.js'],
  ])('%s', (_name, body) => {
    expect(checkProblems(body)).toEqual([]);
  });
});

describe('check kinds: invalid', () => {
  it.each([
    ['no kind', 'wait: 10', /checks\[0\]: a check needs one of command, key, lua/],
    ['kind typo', 'comand: GET k\nexpect: 1', /did you mean "comand" → "command"\?/],
    ['two kinds', 'command: GET k\nexpect: 1\nkey: k\nexists: true', /has command and key — split it/],
    ['command without expect', 'command: GET k', /checks\[0\]\.expect: missing/],
    ['command with two lines', 'command: "GET a\\nGET b"\nexpect: 1', /one redis-cli line/],
    ['as without password', 'as: { user: reader }\ncommand: GET x\nexpect: 1', /checks\[0\]\.as\.password: missing/],
    ['key without shorthand', 'key: k', /a key check needs at least one of exists, type/],
    ['key unknown shorthand', 'key: k\nvalu: "1"', /unknown key check field "valu" — did you mean "value"\?/],
    ['key bad type', 'key: k\ntype: str', /checks\[0\]\.type: .*expected one of/i],
    ['key ttl number', 'key: k\nttl: 5', /checks\[0\]\.ttl: expected none or a comparison map/],
    ['key zset without score', 'key: z\nzset: [[alice]]', /checks\[0\]\.zset\[0\]/],
    ['key empty stream', 'key: s\nstream: {}', /expected length and\/or entries/],
    ['lua not a string', 'lua: [1]', /checks\[0\]\.lua: expected a string, found a list/],
    ['used empty list', 'used: []', /checks\[0\]\.used/],
    ['used: a typo in a pattern field', 'used: [{ command: SET, wiht: [NX] }]', /checks\[0\]\.used\[0\]: unknown command pattern field "wiht" — did you mean "with"\? expected one of command, with, withMatching/],
    ['used: a pattern without command', 'used: { with: [NX] }', /checks\[0\]\.used\.command: missing — expected a command name such as INCR/],
    ['used: two arguments in one item', 'used: { command: XADD, with: ["MAXLEN ~"] }', /checks\[0\]\.used\.with\[0\]: one argument per item — write \[MAXLEN, "~"\]/],
    ['used: an empty with', 'used: { command: SET, with: [] }', /checks\[0\]\.used\.with: expected at least one argument/],
    ['used: a map as an argument', 'used: { command: SET, with: [{ NX: true }] }', /checks\[0\]\.used\.with\[0\]: expected an argument such as NX or -1, found a map/],
    ['used: a bad pattern', 'used: { command: LRANGE, withMatching: ["("] }', /checks\[0\]\.used\.withMatching\[0\]: not a valid regular expression/],
    ['used: a number as a name', 'used: [42]', /checks\[0\]\.used\[0\]: expected a command name such as INCR or a map such as \{ command: SET, with: \[NX, EX\] \}, found the number 42/],
    ['notUsed: a typo in a pattern field', 'notUsed: { command: SET, width: [NX] }', /checks\[0\]\.notUsed: unknown command pattern field "width" — did you mean "with"\?/],
    ['published without channel', 'published: { count: 1 }', /checks\[0\]\.published\.channel: missing/],
    ['published bad count', 'published: { channel: c, count: many }', /count: expected a number or a comparison map/],
    ['subscribed empty', 'subscribed: {}', /expected channels and\/or patterns/],
    ['js outside checks/', 'js: ../evil.js', /expected a .js or .ts file in the checks\/ folder/],
    ['wait too long', 'used: INCR\nwait: 20000', /checks\[0\]\.wait: at most 10000/],
    ['description missing', null, /checks\[0\]\.description: missing/],
  ])('%s', (_name, body, message) => {
    const problems =
      body === null
        ? (() => {
            const check = { used: 'INCR' };
            const result = ChecksOnly.safeParse({ checks: [check] });
            return result.success ? [] : explainIssues(result.error.issues, { checks: [check] }).map((issue) => issue.message);
          })()
        : checkProblems(body);
    expect(problems.join('\n')).toMatch(message);
  });
});

describe('expectations', () => {
  const expectProblems = (expectation: string) => checkProblems(`command: GET k\nexpect: ${expectation}`);

  it.each([
    ['equals', '{ equals: [a, b] }'],
    ['equals a map', '{ equals: { name: x } }'],
    ['equals nil', '{ equals: null }'],
    ['oneOf', '{ oneOf: [PONG, hello] }'],
    ['matches', '{ matches: "^user:\\\\d+$" }'],
    ['gt/gte/lt/lte', '{ gt: 1, gte: 1, lt: 9, lte: 9 }'],
    ['between', '{ between: [1, 60] }'],
    ['nil', '{ nil: true }'],
    ['error true', '{ error: true }'],
    ['error pattern', '{ error: "^NOPERM" }'],
    ['ok', '{ ok: true }'],
    ['length number', '{ length: 2 }'],
    ['length comparison', '{ length: { gte: 2 } }'],
    ['contains one', '{ contains: a }'],
    ['contains list', '{ contains: [a, b] }'],
    ['sameMembers', '{ sameMembers: [a, b, c] }'],
    ['path + equals', '{ path: [0, name], equals: 1 }'],
  ])('valid: %s', (_name, expectation) => {
    expect(expectProblems(expectation)).toEqual([]);
  });

  it.each([
    ['unknown expectation', '{ equal: 3 }', /checks\[0\]\.expect: unknown expectation "equal" — did you mean "equals"\? expected one of equals, oneOf, matches/],
    ['empty map', '{}', /expected at least one expectation/],
    ['path alone', '{ path: [0] }', /expected at least one expectation/],
    ['oneOf not a list', '{ oneOf: a }', /expect\.oneOf: expected a list/],
    ['bad regex', '{ matches: "(" }', /expect\.matches: not a valid regular expression/],
    ['gt not a number', '{ gt: ten }', /expect\.gt: expected a number, found the string "ten"/],
    ['between reversed', '{ between: [60, 1] }', /low end must not exceed the high end/],
    ['between one number', '{ between: [1] }', /expect\.between/],
    ['nil not boolean', '{ nil: yes }', /expect\.nil: expected true or false/],
    ['error false', '{ error: false }', /expect\.error: expected true or a regular expression/],
    ['error bad regex', '{ error: "[" }', /expect\.error: not a valid regular expression/],
    ['length negative', '{ length: -1 }', /expect\.length/],
    ['length unknown comparison', '{ length: { atLeast: 2 } }', /unknown comparison "atLeast"/],
    ['sameMembers not a list', '{ sameMembers: a }', /expect\.sameMembers: expected a list/],
    ['path with negative index', '{ path: [-1], equals: 1 }', /expect\.path\[0\]/],
  ])('invalid: %s', (_name, expectation, message) => {
    expect(expectProblems(expectation).join('\n')).toMatch(message);
  });

  it('hints at quoting when a comma split a flow-map text', () => {
    const problems = checkProblems('used: INCR').concat(
      (() => {
        const check = parse('description: { en: Counted with INCR, not SET, ru: д }\nused: INCR') as unknown;
        const result = ChecksOnly.safeParse({ checks: [check] });
        return result.success ? [] : explainIssues(result.error.issues, { checks: [check] }).map((issue) => issue.message);
      })(),
    );
    expect(problems.join('\n')).toMatch(/unknown language "not SET" .*a comma ends the text — put the text in quotes/);
  });
});

describe('actors', () => {
  const actorProblems = (yamlText: string) => {
    const result = ActorSchema.safeParse(parse(yamlText));
    return result.success ? [] : explainIssues(result.error.issues, parse(yamlText)).map((issue) => issue.message);
  };
  const say = 'say: { en: s, ru: с }';

  it.each([
    ['blocked', `when: blocked\nrun: LPUSH q x\n${say}`],
    ['subscribed', `when: subscribed\nrun: PUBLISH news hi\n${say}`],
    ['after', `when: { after: MULTI }\nrun: [SET stock 0, SET other 1]\n${say}`],
    ['printed', `when: { printed: "wrote orders:before" }\nrun: ["!kill master"]\n${say}`],
  ])('valid: %s', (_name, text) => {
    expect(actorProblems(text)).toEqual([]);
  });

  it.each([
    ['unknown when', `when: later\nrun: PING\n${say}`, /when: expected blocked, subscribed, \{ after: COMMAND \} or \{ printed: TEXT \}/],
    ['after without command', `when: { before: MULTI }\nrun: PING\n${say}`, /unknown trigger "before"/],
    ['no say', 'when: blocked\nrun: PING', /say: missing/],
    ['no run', `when: blocked\n${say}`, /run: missing/],
  ])('invalid: %s', (_name, text, message) => {
    expect(actorProblems(text).join('\n')).toMatch(message);
  });
});

describe('files', () => {
  const exercise = {
    formatVersion: 1,
    id: 'first-key',
    title: { en: 't', ru: 'т' },
    lesson: { en: 'l' },
    task: { en: 't', ru: 'т' },
    hints: [{ en: 'h', ru: 'п' }],
    solution: 'SET a 1',
    checks: [{ description: { en: 'd' }, used: 'SET' }],
  };

  it('accepts a minimal exercise and a missing ru', () => {
    expect(ExerciseFileSchema.safeParse(exercise).success).toBe(true);
  });

  it('accepts counter-examples: typical wrong answers, each with why', () => {
    const withCounterExamples = { ...exercise, counterExamples: [{ why: { en: 'GET does not write', ru: 'GET не пишет' }, solution: 'GET a\n' }] };
    expect(ExerciseFileSchema.safeParse(withCounterExamples).success).toBe(true);
  });

  it.each([
    ['id not kebab-case', { id: 'First_Key' }, /id: must be kebab-case/],
    ['no hints', { hints: [] }, /hints: expected at least one hint/],
    ['no checks', { checks: [] }, /checks: expected at least one check/],
    ['formatVersion 0', { formatVersion: 0 }, /formatVersion: must be 1/],
    ['unknown field', { hint: [] }, /unknown exercise field "hint" — did you mean "hints"\?/],
    ['docs not a URL', { docs: ['redis.io'] }, /docs\[0\]: expected a URL/],
    ['requires unknown', { requires: 'cluster' }, /requires: expected owned-server/],
    ['text as string', { title: 'Hello' }, /title: expected a text: a map with en and ru.*found the string "Hello"/],
    ['counterExamples empty', { counterExamples: [] }, /counterExamples: expected at least one counter-example/],
    ['counter-example without why', { counterExamples: [{ solution: 'SET a 2' }] }, /counterExamples\[0\]\.why: missing/],
    ['counter-example field typo', { counterExamples: [{ why: { en: 'w' }, soluton: 'SET a 2' }] }, /unknown counter-example field "soluton" — did you mean "solution"\?/],
    ['counter-example with both solution and program', { counterExamples: [{ why: { en: 'w' }, solution: 'SET a 2', program: 'programs/x/wrong.py' }] }, /either solution \(redis-cli lines\) or program \(a file\), not both/],
    ['counter-example with neither', { counterExamples: [{ why: { en: 'w' } }] }, /either solution \(redis-cli lines\) or program \(a file\), not both/],
    ['counter-example program outside programs/', { counterExamples: [{ why: { en: 'w' }, program: 'wrong.py' }] }, /a \.py or \.mjs file in a programs\/<exercise>\/ folder/],
  ])('refuses: %s', (_name, change, message) => {
    const candidate = { ...exercise, ...change };
    const result = ExerciseFileSchema.safeParse(candidate);
    expect(result.success).toBe(false);
    const messages = result.success ? [] : explainIssues(result.error.issues, candidate).map((issue) => issue.message);
    expect(messages.join('\n')).toMatch(message);
  });

  it('module.yaml: requires owned-server is allowed, summary is required', () => {
    const module = { formatVersion: 1, id: 'ops', title: { en: 'Ops', ru: 'Опс' }, summary: { en: 's', ru: 'с' }, requires: 'owned-server' };
    expect(ModuleFileSchema.safeParse(module).success).toBe(true);
    const { summary: _summary, ...withoutSummary } = module;
    const result = ModuleFileSchema.safeParse(withoutSummary);
    expect(result.success ? [] : explainIssues(result.error.issues, withoutSummary).map((issue) => issue.message)).toEqual([
      'summary: missing — expected a text: a map with en and ru, e.g. { en: Hello, ru: Привет }',
    ]);
  });
});
