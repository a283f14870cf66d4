// Booking (variant 9): a reference solution up to stage 6.
import Redis from 'ioredis';

const HOLD_SECONDS = 600;

const scheduleKey = (resource) => `schedule:${resource}`;
const bookingKey = (resource, slot) => `booking:${resource}:${slot}`;
const holdKey = (resource, slot) => `hold:${resource}:${slot}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // The hold check and the booking in one atomic step: nobody can hold or book between them.
  redis.defineCommand('bookSlot', {
    numberOfKeys: 2,
    lua: `
      local holder = redis.call('GET', KEYS[2])
      if holder and holder ~= ARGV[1] then return 0 end
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return 0 end
      redis.call('DEL', KEYS[2])
      return 1`,
  });
  // A booked slot cannot be held; SET NX EX holds and starts the 10 minutes together.
  redis.defineCommand('holdSlot', {
    numberOfKeys: 2,
    lua: `
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', ARGV[2]) then return 1 end
      return 0`,
  });
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
  if (!(await redis.bookSlot(bookingKey(resource, slot), holdKey(resource, slot), user))) {
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
  // One MGET for every booking and hold instead of two round trips per slot.
  const taken = slots.length > 0 ? await redis.mget(...slots.map((slot) => bookingKey(resource, slot)), ...slots.map((slot) => holdKey(resource, slot))) : [];
  const freeSlots = slots.filter((_, i) => taken[i] === null && taken[slots.length + i] === null);
  for (const slot of freeSlots) console.log(slot);
  if (freeSlots.length === 0) console.log('no free slots');
  return 0;
}

async function hold(redis, resource, slot, user) {
  if (!(await redis.sismember(scheduleKey(resource), slot))) {
    console.error(`no such slot ${slot}`);
    return 1;
  }
  if (!(await redis.holdSlot(bookingKey(resource, slot), holdKey(resource, slot), user, HOLD_SECONDS))) {
    console.error(`${slot} is taken`);
    return 1;
  }
  console.log(`held ${slot} for ${user}`);
  return 0;
}

const COMMANDS = { open, book, cancel, free, hold };

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
  } catch (error) {
    console.error(`cannot reach Redis: ${error.message}`);
    process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}
