// User activity log (variant 6): a reference solution up to stage 1.
import Redis from 'ioredis';

const logKey = (user) => `activity:${user}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function log(redis, user, action) {
  const id = await redis.xadd(logKey(user), '*', 'action', action);
  console.log(`logged ${id}`);
  return 0;
}

const COMMANDS = { log };

const [name, ...args] = process.argv.slice(2);
const run = COMMANDS[name];
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    process.exitCode = await run(redis, ...args);
  } finally {
    redis.disconnect();
  }
}
