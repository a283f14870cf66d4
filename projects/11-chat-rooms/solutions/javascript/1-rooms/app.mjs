// Chat rooms (variant 11): a reference solution up to stage 1.
import Redis from 'ioredis';

const ROOMS = 'rooms';

const membersKey = (room) => `room:${room}:members`;
const historyKey = (room) => `room:${room}:history`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

function noRoom(room) {
  console.error(`no room ${room}`);
  return 1;
}

async function create(redis, room) {
  // SADD answers 0 when the room exists: the check and the write are one command.
  if ((await redis.sadd(ROOMS, room)) === 0) {
    console.error(`${room} exists`);
    return 1;
  }
  console.log(`created ${room}`);
  return 0;
}

async function remove(redis, room) {
  // One transaction: nobody sees the room without its members or its history.
  const [[, removed]] = await redis.multi().srem(ROOMS, room).del(membersKey(room), historyKey(room)).exec();
  if (removed === 0) return noRoom(room);
  console.log(`deleted ${room}`);
  return 0;
}

const COMMANDS = { create, delete: remove };

const [name, ...args] = process.argv.slice(2);
const run = Object.hasOwn(COMMANDS, name ?? '') ? COMMANDS[name] : undefined;
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
