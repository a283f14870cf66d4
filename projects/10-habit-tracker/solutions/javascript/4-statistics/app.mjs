// Habit tracker (variant 10): a reference solution up to stage 4.
import Redis from 'ioredis';

const DAY_MS = 86_400_000;
// How many days one pipeline reads while walking back a streak.
const STREAK_CHUNK = 31;

const habitKey = (user, habit) => `habit:${user}:${habit}`;
const bitmapKey = (user, habit, year) => `habit:${user}:${habit}:${year}`;

/** YYYY-MM-DD as a UTC date, so no time zone moves a day. */
function parseDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  const day = match === null ? undefined : new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  // Date.UTC rolls 2026-13-01 over into 2027: only a date that reads back the same is one.
  if (day === undefined || day.toISOString().slice(0, 10) !== text) throw new RangeError(`expected a date as YYYY-MM-DD, got ${text}`);
  return day;
}

const addDays = (day, days) => new Date(day.getTime() + days * DAY_MS);
// January 1 is bit 0.
const dayBit = (day) => Math.round((day.getTime() - Date.UTC(day.getUTCFullYear(), 0, 1)) / DAY_MS);
const getbitDay = (pipe, user, habit, day) => pipe.getbit(bitmapKey(user, habit, day.getUTCFullYear()), dayBit(day));
const replies = (results) => results.map(([error, reply]) => {
  if (error) throw error;
  return reply;
});

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

async function done(redis, user, habit, when) {
  const day = parseDay(when);
  if ((await redis.exists(habitKey(user, habit))) === 0) {
    console.error(`no habit ${habit}`);
    return 1;
  }
  const before = await redis.setbit(bitmapKey(user, habit, day.getUTCFullYear()), dayBit(day), 1);
  console.log(before === 1 ? `${habit} was already done on ${when}` : `done ${habit} on ${when}`);
  return 0;
}

async function streak(redis, user, habit, when) {
  let day = parseDay(when);
  // Today is not over: the streak may end yesterday.
  if ((await redis.getbit(bitmapKey(user, habit, day.getUTCFullYear()), dayBit(day))) === 0) day = addDays(day, -1);
  let count = 0;
  for (;;) {
    const pipe = redis.pipeline();
    for (let i = 0; i < STREAK_CHUNK; i += 1) getbitDay(pipe, user, habit, addDays(day, -i));
    for (const bit of replies(await pipe.exec())) {
      if (bit === 0) {
        console.log(`streak ${count}`);
        return 0;
      }
      count += 1;
    }
    day = addDays(day, -STREAK_CHUNK);
  }
}

function periodDays(period) {
  const match = /^(\d{4})(?:-(\d{2}))?$/.exec(period ?? '');
  if (match === null) throw new RangeError(`expected a period as YYYY-MM or YYYY, got ${period}`);
  const year = Number(match[1]);
  if (match[2] === undefined) return [new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31))];
  const month = Number(match[2]) - 1;
  // Day 0 of the next month is the last day of this one.
  return [new Date(Date.UTC(year, month, 1)), new Date(Date.UTC(year, month + 1, 0))];
}

async function stats(redis, user, habit, period) {
  const [first, last] = periodDays(period);
  // BIT: the range is in bits, both ends included (the default is bytes).
  const doneDays = await redis.bitcount(bitmapKey(user, habit, first.getUTCFullYear()), dayBit(first), dayBit(last), 'BIT');
  const days = dayBit(last) - dayBit(first) + 1;
  console.log(`${doneDays}/${days} days (${Math.floor((doneDays * 100) / days)}%)`);
  return 0;
}

const COMMANDS = { create, done, streak, stats };

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
    if (!(error instanceof RangeError)) throw error;
    console.error(error.message);
    process.exitCode = 2;
  } finally {
    redis.disconnect();
  }
}
