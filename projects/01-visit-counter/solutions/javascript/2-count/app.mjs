// Page visit counters (variant 1): a reference solution up to stage 2.
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
  console.log(await redis.incr(PREFIX + page));
}

async function count(redis, page) {
  console.log((await redis.get(PREFIX + page)) ?? 0);
}

const COMMANDS = { visit, count };

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
