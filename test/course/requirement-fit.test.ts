import { describe, expect, it } from 'vitest';
import { explainIssues } from '../../src/course/zod-issues.js';
import { describeNeeds, needsOf, requiredCommands, serverFit, serverNeeds, type ServerFacts } from '../../src/course/requirement-fit.js';
import { ModuleFileSchema, RequirementSchema, type Course, type LoadedExercise, type LoadedModule, type Requirement } from '../../src/course/schema.js';

const redis = (version: string, extra: Partial<ServerFacts> = {}): ServerFacts => ({ kind: 'redis', version, redisVersion: version, owned: true, commands: {}, ...extra });
const valkey = (version: string, extra: Partial<ServerFacts> = {}): ServerFacts => ({ kind: 'valkey', version, redisVersion: '7.2.4', owned: true, commands: {}, ...extra });

const REDIS_7_0 = redis('7.0.15');
const REDIS_8_0 = redis('8.0.2');
const VALKEY_8_0 = valkey('8.0.1');
const VALKEY_8_1 = valkey('8.1.1');

function fit(requirement: Requirement, server: ServerFacts | undefined) {
  const result = serverFit(needsOf(requirement), server);
  return result.runs ? 'runs' : result.reason.en;
}

describe('which servers can run an exercise', () => {
  it.each<[string, Requirement, ServerFacts | undefined, string]>([
    ['no server known: nothing is ruled out', { redis: '99' }, undefined, 'runs'],
    ['Redis 7.4+ on Redis 8.0.2', { redis: '7.4' }, REDIS_8_0, 'runs'],
    ['Redis 7.4+ on Redis 7.0.15', { redis: '7.4' }, REDIS_7_0, 'needs Redis 7.4 or newer; this is Redis 7.0.15'],
    ['7.10 is newer than 7.4 (versions are not decimals)', { redis: '7.10' }, redis('7.4.0'), 'needs Redis 7.10 or newer; this is Redis 7.4.0'],
    ['Redis 7.0+ on Valkey 8.0.1 (it speaks Redis 7.2.4)', { redis: '7.0' }, VALKEY_8_0, 'runs'],
    ['Redis 7.4+ only, on Valkey 8.0.1', { redis: '7.4' }, VALKEY_8_0, 'needs Redis 7.4 or newer; Valkey 8.0.1 offers what Redis 7.2.4 does'],
    ['Redis 7.4+ or Valkey 8.1+, on Valkey 8.1.1', { redis: '7.4', valkey: '8.1' }, VALKEY_8_1, 'runs'],
    ['Redis 7.4+ or Valkey 8.1+, on Valkey 8.0.1', { redis: '7.4', valkey: '8.1' }, VALKEY_8_0, 'needs Valkey 8.1 or newer; this is Valkey 8.0.1'],
    ['Valkey 8.1+ only, on Redis 8.0.2', { valkey: '8.1' }, REDIS_8_0, 'needs Valkey 8.1; Redis 8.0.2 is not Valkey'],
    ['a command the server knows', { commands: ['HEXPIRE'] }, redis('7.4.2', { commands: { HEXPIRE: true } }), 'runs'],
    ['a command the server does not know', { commands: ['hexpire'] }, redis('7.2.4', { commands: { HEXPIRE: false } }), 'needs HEXPIRE, which Redis 7.2.4 does not know'],
    ['a subcommand, written with a space', { commands: ['CLIENT NO-TOUCH'] }, redis('7.0.15', { commands: { 'CLIENT|NO-TOUCH': false } }), 'needs CLIENT NO-TOUCH, which Redis 7.0.15 does not know'],
    ['a command nobody asked the server about is not held against it', { commands: ['HEXPIRE'] }, REDIS_7_0, 'runs'],
    ['owned-server on a server the tutor started', 'owned-server', REDIS_7_0, 'runs'],
    ['owned-server under --url', 'owned-server', redis('7.0.15', { owned: false }), 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url'],
    ['{ server: owned } is owned-server', { server: 'owned' }, redis('7.0.15', { owned: false }), 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url'],
    ['owned-server under --url, a redis-server to start beside it', 'owned-server', redis('7.0.15', { owned: false, ownedBeside: true }), 'runs'],
    ['owned-server under --url, no redis-server to start beside it', 'owned-server', redis('7.0.15', { owned: false, ownedBeside: false }), 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url, and no redis-server was found to start beside it'],
    ['the version is said before the ownership', { redis: '7.4', server: 'owned' }, redis('7.0.15', { owned: false }), 'needs Redis 7.4 or newer; this is Redis 7.0.15'],
    ['a TLS lab on a private redis-server built with TLS', { tls: true }, redis('7.0.15', { tls: true }), 'runs'],
    ['a TLS lab on a private redis-server built without TLS', { tls: true }, redis('8.0.2', { tls: false }), 'needs a TLS port, and this redis-server was built without TLS (BUILD_TLS=no)'],
    ['a TLS lab needs an owned server: under --url it goes beside', { tls: true }, redis('7.0.15', { owned: false, ownedBeside: true }), 'runs'],
    ['a TLS lab under --url with nothing to start beside', { tls: true }, redis('7.0.15', { owned: false, ownedBeside: false }), 'needs a server redis-tutor starts itself (FLUSHALL, SAVE, restarts); this one came from --url, and no redis-server was found to start beside it'],
  ])('%s', (_name, requirement, server, expected) => {
    expect(fit(requirement, server)).toBe(expected);
  });

  it('says how to get a server that can, of the kind in use when the exercise names it', () => {
    const remedy = (requirement: Requirement, server: ServerFacts) => {
      const result = serverFit(needsOf(requirement), server);
      return result.runs ? '' : result.remedy.en;
    };
    expect(remedy({ redis: '7.4' }, REDIS_7_0)).toBe('Start a server that can with Docker: docker run -d --rm -p 127.0.0.1:6380:6379 redis:7.4; redis-tutor start --url redis://127.0.0.1:6380');
    expect(remedy({ redis: '7.4', valkey: '9.0' }, VALKEY_8_0)).toContain('valkey/valkey:9.0');
    expect(remedy({ redis: '7.4', valkey: '9.0' }, REDIS_7_0)).toContain(' redis:7.4;');
    expect(remedy('owned-server', redis('7.0.15', { owned: false }))).toMatch(/^Run redis-tutor without --url/);
    expect(remedy('owned-server', redis('7.0.15', { owned: false, ownedBeside: false }))).toMatch(/^Install redis-server \(sudo apt-get install redis-server, or brew install redis\) and redis-tutor starts a private one beside yours/);
    const beside = serverFit(needsOf('owned-server'), redis('7.0.15', { owned: false, ownedBeside: true }));
    expect(beside.runs && beside.beside?.ru).toMatch(/^выполняется на отдельном redis-server/);
    const russian = serverFit(needsOf({ redis: '7.4' }), REDIS_7_0);
    expect(russian.runs ? '' : russian.reason.ru).toBe('нужен Redis 7.4 или новее, а здесь Redis 7.0.15');
  });
});

describe('requires as written', () => {
  const module = (requires?: Requirement): Pick<LoadedModule, 'requires'> => (requires === undefined ? {} : { requires });
  const exercise = (requires?: Requirement): Pick<LoadedExercise, 'requires'> => (requires === undefined ? {} : { requires });

  it('an exercise adds to what its module requires: the newer version, every command, owned if either', () => {
    expect(serverNeeds(module({ redis: '7.0', commands: ['LMPOP'] }), exercise({ redis: '7.4', commands: ['hexpire'], server: 'owned' }))).toEqual({
      redis: '7.4',
      commands: ['LMPOP', 'HEXPIRE'],
      owned: true,
    });
    expect(serverNeeds(module('owned-server'), exercise())).toEqual({ commands: [], owned: true });
    expect(serverNeeds(module(), exercise())).toEqual({ commands: [], owned: false });
  });

  it('says the needs in a few words, in both languages', () => {
    const needs = needsOf({ redis: '7.4', valkey: '9.0', commands: ['HEXPIRE'], server: 'owned' });
    expect(describeNeeds(needs, 'en')).toBe('Redis 7.4+ or Valkey 9.0+, HEXPIRE, a server redis-tutor starts itself');
    expect(describeNeeds(needs, 'ru')).toBe('Redis 7.4+ или Valkey 9.0+, HEXPIRE, собственный сервер тренажёра');
  });

  it('lists every required command of a course once, to ask the server about', () => {
    const course = {
      dir: '/',
      modules: [
        { requires: { commands: ['GETDEL'] }, exercises: [{ requires: { commands: ['hexpire', 'GETDEL'] } }, {}] },
        { exercises: [{ requires: 'owned-server' }] },
      ],
    } as unknown as Course;
    expect(requiredCommands(course)).toEqual(['GETDEL', 'HEXPIRE']);
  });

  it.each<[string, unknown, boolean]>([
    ['the old word', 'owned-server', true],
    ['a map with every field', { redis: '7.4', valkey: '8.1', commands: ['HEXPIRE', 'CLIENT NO-TOUCH'], server: 'owned' }, true],
    ['a version with three parts', { redis: '7.2.4' }, true],
    ['an unquoted version (YAML would read 7.10 as 7.1)', { redis: 7.4 }, false],
    ['a version that is not one', { valkey: 'latest' }, false],
    ['an unknown field', { redis: '7.4', cluster: true }, false],
    ['an empty command list', { commands: [] }, false],
    ['server other than owned', { server: 'mine' }, false],
    ['another word', 'cluster', false],
  ])('the schema takes %s: %s', (_name, value, ok) => {
    expect(RequirementSchema.safeParse(value).success).toBe(ok);
  });

  it.each<[string, unknown, string]>([
    ['an unquoted version', { redis: 7.4 }, 'requires.redis: expected a version in quotes, e.g. "7.4" (unquoted, YAML reads 7.10 as the number 7.1)'],
    ['a misspelt field', { comands: ['HEXPIRE'] }, 'requires: unknown requires field "comands" — did you mean "commands"? expected one of redis, valkey, commands, server'],
    ['another word', 'cluster', 'requires: expected owned-server, or a map such as { redis: "7.4", valkey: "9.0", commands: [HEXPIRE], server: owned }'],
  ])('explains %s to the author', (_name, requires, message) => {
    const module = { formatVersion: 1, id: 'ops', title: { en: 'Ops', ru: 'Опс' }, summary: { en: 's', ru: 'с' }, requires };
    const result = ModuleFileSchema.safeParse(module);
    const messages = result.success ? [] : explainIssues(result.error.issues, module).map((issue) => issue.message);
    expect(messages[0]).toContain(message);
  });
});
