// Recommendations (variant 13): a reference solution up to stage 2.
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

// ZREVRANGE orders equal scores by reverse name; the spec wants them by name.
function top(flat, n) {
  const entries = [];
  for (let i = 0; i < flat.length; i += 2) entries.push([flat[i], Number(flat[i + 1])]);
  return entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, n);
}

// ZUNIONSTORE into a key of our own, read it and delete it in one MULTI: nothing is left behind.
async function countUnion(redis, keys, { weights, leaveOut, seen } = {}) {
  const scratch = `scratch:${randomUUID()}`;
  const tx = redis.multi();
  tx.zunionstore(scratch, keys.length, ...keys, ...(weights ? ['WEIGHTS', ...weights] : []));
  if (leaveOut !== undefined) tx.zrem(scratch, leaveOut);
  if (seen !== undefined) tx.zdiffstore(scratch, 2, scratch, seen);
  tx.zrange(scratch, 0, -1, 'WITHSCORES');
  tx.del(scratch);
  const results = await tx.exec();
  return results[results.length - 2][1];
}

async function like(redis, user, item) {
  // Both sides of the like in one MULTI: a like is never half recorded.
  await redis
    .multi()
    .sadd(`likes:${user}`, item)
    .sadd(`seen:${user}`, item)
    .sadd(`liked-by:${item}`, user)
    .exec();
  console.log(`${user} likes ${item}`);
  return 0;
}

async function view(redis, user, item) {
  await redis.sadd(`seen:${user}`, item);
  console.log(`${user} viewed ${item}`);
  return 0;
}

async function likes(redis, user) {
  const items = (await redis.smembers(`likes:${user}`)).sort();
  for (const item of items) console.log(item);
  if (items.length === 0) console.log('no likes');
  return 0;
}

async function alsoLiked(redis, item) {
  const users = await redis.smembers(`liked-by:${item}`);
  const counts = users.length > 0 ? await countUnion(redis, users.map((user) => `likes:${user}`), { leaveOut: item }) : [];
  for (const [other, count] of top(counts, 3)) console.log(`${other} ${count}`);
  if (counts.length === 0) console.log('nothing yet');
  return 0;
}

const COMMANDS = { like, view, likes, 'also-liked': alsoLiked };

const [name, ...args] = process.argv.slice(2);
const run = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    await redis.connect();
    process.exitCode = await run(redis, ...args);
  } finally {
    redis.disconnect();
  }
}
