// Task scheduler (variant 16): a reference solution up to stage 6.
import Redis from 'ioredis';

const SCHEDULED = 'tasks:scheduled';
const DEAD = 'tasks:dead';
const MAX_ATTEMPTS = 3;
const RETRY_SECONDS = 60;
const RESULT_SECONDS = 3600;

const taskKey = (id) => `task:${id}`;
const resultKey = (id) => `result:${id}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // Read and remove the earliest due task in one step: two workers can never take the same one.
  redis.defineCommand('takeDue', {
    numberOfKeys: 1,
    lua: `
      local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
      if #ids == 0 then return false end
      redis.call('ZREM', KEYS[1], ids[1])
      return ids[1]`,
  });
  return redis;
}

async function schedule(redis, id, time, payload) {
  // NX: an id already scheduled keeps its time; the reply says whether it was new.
  if (!(await redis.zadd(SCHEDULED, 'NX', Number(time), id))) {
    console.error(`${id} exists`);
    return 1;
  }
  await redis.hset(taskKey(id), 'payload', payload);
  console.log(`scheduled ${id} at ${time}`);
  return 0;
}

async function due(redis, now) {
  const flat = await redis.zrangebyscore(SCHEDULED, '-inf', Number(now), 'WITHSCORES');
  for (let i = 0; i < flat.length; i += 2) console.log(`${flat[i]} ${flat[i + 1]}`);
  if (flat.length === 0) console.log('no due tasks');
  return 0;
}

function runTask(payload) {
  if (payload.startsWith('fail')) throw new Error(`task failed: ${payload}`);
  return `done ${payload}`;
}

async function work(redis, now) {
  const id = await redis.takeDue(SCHEDULED, Number(now));
  if (id === null) {
    console.log('idle');
    return 0;
  }
  const payload = (await redis.hget(taskKey(id), 'payload')) ?? '';
  let result;
  try {
    result = runTask(payload);
  } catch {
    return retryOrGiveUp(redis, id, Number(now));
  }
  await redis.set(resultKey(id), result, 'EX', RESULT_SECONDS);
  console.log(`ran ${id}`);
  return 0;
}

async function retryOrGiveUp(redis, id, now) {
  const attempts = await redis.hincrby(taskKey(id), 'attempts', 1);
  if (attempts >= MAX_ATTEMPTS) {
    await redis.rpush(DEAD, id);
    console.log(`gave up ${id} after ${attempts} attempts`);
    return 0;
  }
  const retryAt = now + RETRY_SECONDS;
  await redis.zadd(SCHEDULED, retryAt, id);
  console.log(`failed ${id}, retry at ${retryAt}`);
  return 0;
}

async function result(redis, id) {
  const value = await redis.get(resultKey(id));
  if (value === null) {
    console.error(`no result for ${id}`);
    return 1;
  }
  console.log(value);
  return 0;
}

const COMMANDS = { schedule, due, work, result };

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
