// Notifications (variant 5): a reference solution up to stage 5.
import Redis from 'ioredis';

const NEXT_ID = 'notifications:next-id';
const KEEP_SECONDS = 30 * 24 * 3600;
const notificationKey = (id) => `notification:${id}`;
const userKey = (user) => `notifications:${user}`;
const unreadKey = (user) => `notifications:${user}:unread`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function send(redis, user, text) {
  // INCR hands out each id once, however many senders ask at the same moment.
  const id = await redis.incr(NEXT_ID);
  const sent = Math.floor(Date.now() / 1000);
  await redis
    .multi()
    .hset(notificationKey(id), { user, text, sent })
    .expire(notificationKey(id), KEEP_SECONDS)
    .zadd(userKey(user), sent, id)
    .sadd(unreadKey(user), id)
    // Published last: a listener that hears of it finds it stored.
    .publish(`notifications:${user}:live`, `${id} ${text}`)
    .exec();
  console.log(`sent ${id}`);
  return 0;
}

async function unread(redis, user) {
  const ids = (await redis.smembers(unreadKey(user))).sort((a, b) => Number(a) - Number(b));
  const pipeline = redis.pipeline();
  for (const id of ids) pipeline.hget(notificationKey(id), 'text');
  const texts = ids.length > 0 ? await pipeline.exec() : [];
  let shown = 0;
  ids.forEach((id, index) => {
    const [, text] = texts[index];
    // A notification past its 30 days is gone while its id may linger: skip it.
    if (text === null) return;
    console.log(`${id} ${text}`);
    shown += 1;
  });
  console.log(`${shown} unread`);
  return 0;
}

async function read(redis, user, id) {
  if (id === 'all') {
    // DEL answers whether there was anything: count first, in the same transaction.
    const [[, count]] = await redis.multi().scard(unreadKey(user)).del(unreadKey(user)).exec();
    console.log(`read ${count} notifications`);
    return 0;
  }
  // SREM's reply decides: no separate "is it unread?" that another client could change in between.
  if ((await redis.srem(unreadKey(user), id)) === 0) {
    console.error(`notification ${id} is not unread for ${user}`);
    return 1;
  }
  console.log(`read ${id}`);
  return 0;
}

async function listen(redis, user) {
  redis.on('message', (_channel, message) => console.log(message));
  await redis.subscribe(`notifications:${user}:live`);
  // Listens until it is stopped.
  return new Promise(() => {});
}

async function cleanup(redis, user, days) {
  const cutoff = Math.floor(Date.now() / 1000) - Number(days) * 24 * 3600;
  const old = await redis.zrangebyscore(userKey(user), '-inf', `(${cutoff}`);
  if (old.length > 0) {
    await redis
      .multi()
      .del(...old.map(notificationKey))
      .zrem(userKey(user), ...old)
      .srem(unreadKey(user), ...old)
      .exec();
  }
  console.log(`deleted ${old.length}`);
  return 0;
}

const COMMANDS = { send, unread, read, listen, cleanup };

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
