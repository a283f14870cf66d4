// Booking (variant 9): a reference solution up to stage 3.
import Redis from 'ioredis';

const scheduleKey = (resource) => `schedule:${resource}`;
const bookingKey = (resource, slot) => `booking:${resource}:${slot}`;

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

async function book(redis, resource, slot, user) {
  if (!(await redis.sismember(scheduleKey(resource), slot))) {
    console.error(`no such slot ${slot}`);
    return 1;
  }
  // SET NX writes only if nobody has: of many bookers at once, exactly one wins.
  if ((await redis.set(bookingKey(resource, slot), user, 'NX')) === null) {
    console.error(`${slot} is taken`);
    return 1;
  }
  console.log(`booked ${slot} for ${user}`);
  return 0;
}

const COMMANDS = { open, book };

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
