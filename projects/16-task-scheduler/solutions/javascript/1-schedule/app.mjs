// Task scheduler (variant 16): a reference solution up to stage 1.
import Redis from 'ioredis';

const SCHEDULED = 'tasks:scheduled';

const taskKey = (id) => `task:${id}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
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

const COMMANDS = { schedule };

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
