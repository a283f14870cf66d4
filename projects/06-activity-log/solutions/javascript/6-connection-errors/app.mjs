// User activity log (variant 6): a reference solution up to stage 6.
import Redis from 'ioredis';

const KEEP_ENTRIES = 100;
const logKey = (user) => `activity:${user}`;
const countsKey = (user) => `activity-counts:${user}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function log(redis, user, action) {
  // The entry and its count go together; HINCRBY adds atomically however many log at once.
  const [[, id]] = await redis
    .multi()
    // MAXLEN ~ trims whole blocks of entries: cheaper than trimming to exactly 100.
    .xadd(logKey(user), 'MAXLEN', '~', KEEP_ENTRIES, '*', 'action', action)
    .hincrby(countsKey(user), action, 1)
    .exec();
  console.log(`logged ${id}`);
  return 0;
}

async function history(redis, user, from, to) {
  // A bare millisecond time is an id bound: TO's whole second ends at TO*1000+999.
  const entries = await redis.xrange(logKey(user), Number(from) * 1000, Number(to) * 1000 + 999);
  for (const [id, fields] of entries) {
    const action = fields[fields.indexOf('action') + 1];
    console.log(`${Math.floor(Number(id.split('-')[0]) / 1000)} ${action}`);
  }
  console.log(`${entries.length} actions`);
  return 0;
}

async function stats(redis, user) {
  const counts = Object.entries(await redis.hgetall(countsKey(user))).map(([action, count]) => [action, Number(count)]);
  counts.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  for (const [action, count] of counts) console.log(`${action} ${count}`);
  return 0;
}

async function cleanup(redis, days) {
  const cutoffMs = (Math.floor(Date.now() / 1000) - Number(days) * 24 * 3600) * 1000;
  let removed = 0;
  // SCAN walks the keys a batch at a time; the type filter leaves other kinds of keys alone.
  const stream = redis.scanStream({ match: 'activity:*', type: 'stream', count: 500 });
  for await (const keys of stream) {
    for (const key of keys) removed += await redis.xtrim(key, 'MINID', cutoffMs);
  }
  console.log(`removed ${removed}`);
  return 0;
}

const COMMANDS = { log, history, stats, cleanup };

const [name, ...args] = process.argv.slice(2);
const run = COMMANDS[name];
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    process.exitCode = await run(redis, ...args);
  } catch (error) {
    console.error(`cannot reach Redis: ${error.message}`);
    process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}
