// Page visit counters (variant 1): a reference solution up to stage 3.
import Redis from 'ioredis';

const PREFIX = 'page_views:';
const RANKING = 'page_views:ranking';

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function visit(redis, page) {
  // One round trip, and the counter and the ranking change together.
  const [[, count]] = await redis.multi().incr(PREFIX + page).zincrby(RANKING, 1, page).exec();
  console.log(count);
}

async function count(redis, page) {
  console.log((await redis.get(PREFIX + page)) ?? 0);
}

async function top(redis) {
  const flat = await redis.zrevrange(RANKING, 0, 4, 'WITHSCORES');
  for (let i = 0; i < flat.length; i += 2) console.log(`${flat[i]} ${flat[i + 1]}`);
}

const COMMANDS = { visit, count, top };

const [name, ...args] = process.argv.slice(2);
const run = COMMANDS[name];
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    await run(redis, ...args);
  } finally {
    redis.disconnect();
  }
}
