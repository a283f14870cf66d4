// Booking (variant 9): a reference solution up to stage 4.
import Redis from 'ioredis';

const scheduleKey = (resource) => `schedule:${resource}`;
const bookingKey = (resource, slot) => `booking:${resource}:${slot}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // Compare and delete: a booking is cancelled only by the user who made it.
  redis.defineCommand('cancelBooking', {
    numberOfKeys: 1,
    lua: `
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0`,
  });
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

async function cancel(redis, resource, slot, user) {
  if (!(await redis.cancelBooking(bookingKey(resource, slot), user))) {
    console.error(`${slot} is not booked by ${user}`);
    return 1;
  }
  console.log(`cancelled ${slot}`);
  return 0;
}

async function free(redis, resource) {
  const slots = (await redis.smembers(scheduleKey(resource))).sort();
  // One MGET for every booking instead of a round trip per slot.
  const bookings = slots.length > 0 ? await redis.mget(...slots.map((slot) => bookingKey(resource, slot))) : [];
  const freeSlots = slots.filter((_, i) => bookings[i] === null);
  for (const slot of freeSlots) console.log(slot);
  if (freeSlots.length === 0) console.log('no free slots');
  return 0;
}

const COMMANDS = { open, book, cancel, free };

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
