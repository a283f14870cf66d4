import { beforeAll, describe, expect, it } from 'vitest';
import { checkCourse } from '../../src/course/check-course.js';
import type { Course, LoadedModule } from '../../src/course/schema.js';
import type { CourseProblem } from '../../src/course/course-problems.js';
import { splitArgs } from '../../src/redis-cli/split-args.js';

/**
 * The curriculum's promises, checked on the course as shipped: the modules in
 * order, enough exercises, both languages, and every command the curriculum
 * names used by a reference solution of its module (with the options it names).
 */
const CURRICULUM: Array<[moduleId: string, commands: string[]]> = [
  ['getting-started', ['PING', 'SET', 'GET', 'DEL', 'EXISTS', 'KEYS', 'SCAN', 'INCR', 'DECR', 'EXPIRE', 'TTL', 'FLUSHALL']],
  ['strings', ['APPEND', 'STRLEN', 'GETRANGE', 'MSET', 'MGET', 'SETNX', 'INCRBY', 'DECRBY', 'INCRBYFLOAT', 'SETEX', 'SET EX', 'SET NX', 'SET XX', 'SET GET']],
  ['hashes', ['HSET', 'HGET', 'HGETALL', 'HDEL', 'HEXISTS', 'HMSET', 'HINCRBY']],
  ['lists', ['LPUSH', 'RPUSH', 'LPOP', 'RPOP', 'LRANGE', 'LLEN']],
  ['sets', ['SADD', 'SREM', 'SISMEMBER', 'SMEMBERS', 'SCARD', 'SUNION', 'SUNIONSTORE', 'SINTER']],
  ['sorted-sets', ['ZADD', 'ZRANGE WITHSCORES', 'ZRANGE REV', 'ZRANGE BYSCORE', 'ZREVRANGE', 'ZINCRBY', 'ZREM', 'ZSCORE', 'ZRANK']],
  ['expiry-caching', ['SET EX', 'EXPIRE', 'TTL', 'PERSIST', 'SETEX', 'SET NX EX']],
  ['queues', ['LPUSH', 'BRPOP', 'LMOVE', 'BLMOVE']],
  ['pubsub', ['SUBSCRIBE', 'UNSUBSCRIBE', 'PSUBSCRIBE', 'PUBLISH', 'PUBSUB CHANNELS', 'PUBSUB NUMSUB']],
  ['streams', ['XADD', 'XRANGE', 'XREVRANGE', 'XREAD COUNT', 'XREAD BLOCK', 'XLEN', 'XDEL', 'XTRIM MAXLEN']],
  ['consumer-groups', ['XGROUP CREATE MKSTREAM', 'XREADGROUP >', 'XACK', 'XPENDING', 'XCLAIM', 'XAUTOCLAIM', 'XINFO GROUPS']],
  ['security-acl', ['CONFIG SET REQUIREPASS', 'AUTH', 'ACL SETUSER', 'ACL GETUSER', 'ACL LIST', 'ACL WHOAMI', 'ACL DELUSER']],
  ['monitoring', ['INFO MEMORY', 'INFO CLIENTS', 'INFO STATS', 'SLOWLOG GET', 'SLOWLOG RESET', 'CONFIG SET SLOWLOG-LOG-SLOWER-THAN', 'MONITOR', 'CONFIG GET', 'CONFIG SET MAXMEMORY', 'CONFIG SET MAXMEMORY-POLICY ALLKEYS-LRU', 'DBSIZE', 'CLIENT LIST']],
  ['transactions-lua', ['MULTI', 'EXEC', 'DISCARD', 'WATCH', 'EVAL']],
  ['geo', ['GEOADD', 'GEOSEARCH FROMLONLAT', 'GEOSEARCH FROMMEMBER', 'GEOSEARCH BYRADIUS', 'GEOSEARCH BYBOX', 'GEOSEARCH WITHDIST', 'GEOSEARCH WITHCOORD', 'GEODIST', 'GEOPOS', 'GEORADIUS']],
  ['patterns', ['INCR', 'EXPIRE', 'SET NX EX', 'EVAL', 'SET NX', 'HSET', 'ZINCRBY', 'ZRANGE REV', 'HINCRBY']],
  ['persistence', ['SAVE', 'BGSAVE', 'LASTSAVE', 'CONFIG SET APPENDONLY YES']],
  ['bitmaps', ['SETBIT', 'GETBIT', 'BITCOUNT', 'BITCOUNT BIT', 'BITOP OR', 'BITOP AND', 'BITPOS', 'BITFIELD INCRBY', 'BITFIELD GET', 'BITFIELD OVERFLOW SAT', 'BITFIELD OVERFLOW FAIL']],
  ['hyperloglog', ['PFADD', 'PFCOUNT', 'PFMERGE', 'MEMORY USAGE']],
  ['newer-commands', ['GETDEL', 'GETEX EX', 'GETEX PERSIST', 'LPOS RANK', 'LPOS COUNT MAXLEN', 'LMPOP COUNT', 'BLMPOP COUNT', 'ZMPOP MAX COUNT']],
  ['memory-encodings', ['MEMORY USAGE', 'OBJECT ENCODING', 'APPEND', 'CONFIG GET', 'SADD', 'SREM', 'ZADD', 'MEMORY STATS', 'MEMORY DOCTOR']],
  ['hash-field-expiry', ['HEXPIRE', 'HEXPIRE GT', 'HTTL', 'HEXPIREAT', 'HEXPIRETIME', 'HPEXPIRE', 'HPTTL', 'HPERSIST', 'HSETEX FNX EX', 'HSETEX FXX KEEPTTL', 'HGETEX EX', 'HGETEX PERSIST', 'HGETDEL']],
  ['client-side-caching', ['HELLO 3', 'CLIENT TRACKING ON', 'CLIENT TRACKING ON BCAST PREFIX', 'CLIENT TRACKING ON OPTIN', 'CLIENT CACHING YES', 'CLIENT TRACKING ON NOLOOP', 'CLIENT TRACKINGINFO', 'CLIENT TRACKING OFF', 'CLIENT INFO']],
  ['network-security', ['CONFIG GET BIND', 'CONFIG GET PROTECTED-MODE', 'CONFIG SET PROTECTED-MODE YES', 'ACL SETUSER RESET', 'AUTH', 'ACL GETUSER', 'CONFIG GET TLS-PORT', 'ACL LOG', 'ACL LOG RESET', 'ACL SETUSER RESETPASS']],
  ['production-lab', ['ROLE', 'INFO REPLICATION', 'SENTINEL GET-MASTER-ADDR-BY-NAME', 'CLUSTER KEYSLOT', 'CONFIG GET APPENDONLY', 'INFO PERSISTENCE', 'BGSAVE', 'WAIT', 'REPLICAOF NO ONE', 'CONNECT']],
];

/** Every solution line of a module, as upper-cased argument lists. */
function solutionCommands(module: LoadedModule): string[][] {
  return module.exercises.flatMap((exercise) =>
    exercise.solutionLines.flatMap((line) => {
      const args = splitArgs(line.text);
      return args && args.length > 0 ? [args.map((arg) => arg.toString('utf8').toUpperCase())] : [];
    }),
  );
}

/** `SET NX EX` is used when some line is a SET that also has NX and EX among its arguments. */
function isUsed(requirement: string, commands: string[][]): boolean {
  const [name, ...options] = requirement.split(' ');
  return commands.some((args) => args[0] === name && options.every((option) => args.slice(1).includes(option)));
}

describe('the bundled course', () => {
  let course: Course;
  let problems: CourseProblem[];

  beforeAll(async () => {
    ({ course, problems } = await checkCourse());
  });

  it('loads and lints without a single problem, warnings (missing translations) included', () => {
    expect(problems.map((problem) => `${problem.file}:${problem.line ?? 0}: ${problem.message}`)).toEqual([]);
  });

  it('has the curriculum modules in order', () => {
    expect(course.modules.map((module) => module.id)).toEqual(CURRICULUM.map(([id]) => id));
  });

  it('has at least 100 exercises and at least 5 in every module', () => {
    expect(course.modules.flatMap((module) => module.exercises).length).toBeGreaterThanOrEqual(100);
    for (const module of course.modules) expect(module.exercises.length, module.id).toBeGreaterThanOrEqual(5);
  });

  it.each(CURRICULUM)('module %s: every command it names is used by a reference solution', (moduleId, commands) => {
    const module = course.modules.find((candidate) => candidate.id === moduleId);
    expect(module, moduleId).toBeDefined();
    const used = solutionCommands(module!);
    expect(commands.filter((command) => !isUsed(command, used))).toEqual([]);
  });

  it('gives every exercise hints, Russian texts and a link to the official command pages', () => {
    for (const exercise of course.modules.flatMap((module) => module.exercises)) {
      expect(exercise.hints.length, exercise.id).toBeGreaterThan(0);
      for (const text of [exercise.title, exercise.lesson, exercise.task, ...exercise.hints]) {
        expect(text.ru?.trim(), `${exercise.id} has a Russian text`).toBeTruthy();
      }
      // Hints may be pure commands, the same in both languages; prose may not.
      for (const text of [exercise.lesson, exercise.task]) {
        expect(text.ru, `${exercise.id}: the Russian text is not a copy of the English`).not.toBe(text.en);
      }
      expect(exercise.docs.some((url) => url.startsWith('https://redis.io/')), `${exercise.id} links redis.io`).toBe(true);
    }
  });
});
