// Recommendations (variant 13): a reference solution up to stage 1.
import Redis from 'ioredis';

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
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

const COMMANDS = { like, view, likes };

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
