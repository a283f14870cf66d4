// Booking (variant 9): a reference solution up to stage 1.
import Redis from 'ioredis';

const scheduleKey = (resource) => `schedule:${resource}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function open(redis, resource, ...slots) {
  if (slots.length === 0) {
    console.error('open needs at least one slot');
    return 2;
  }
  const [, [, count]] = await redis.pipeline().sadd(scheduleKey(resource), ...slots).scard(scheduleKey(resource)).exec();
  console.log(`${resource} has ${count} slots`);
  return 0;
}

const COMMANDS = { open };

const [name, ...args] = process.argv.slice(2);
const run = COMMANDS[name];
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
