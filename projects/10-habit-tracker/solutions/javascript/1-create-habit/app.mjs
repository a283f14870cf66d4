// Habit tracker (variant 10): a reference solution up to stage 1.
import Redis from 'ioredis';

const habitKey = (user, habit) => `habit:${user}:${habit}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function create(redis, user, habit, target) {
  if (!/^[1-7]$/.test(target ?? '')) {
    console.error('target must be 1-7 days a week');
    return 1;
  }
  // HSETNX answers 0 when the habit exists: the check and the write are one command.
  if ((await redis.hsetnx(habitKey(user, habit), 'target', target)) === 0) {
    console.error(`${habit} exists`);
    return 1;
  }
  await redis.sadd(`habits:${user}`, habit);
  console.log(`created ${habit}, ${target} days a week`);
  return 0;
}

const COMMANDS = { create };

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
