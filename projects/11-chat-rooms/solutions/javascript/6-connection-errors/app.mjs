// Chat rooms (variant 11): a reference solution up to stage 6.
import Redis from 'ioredis';

const ROOMS = 'rooms';
const HISTORY_LIMIT = 100;
const ONLINE_SECONDS = 60;

const membersKey = (room) => `room:${room}:members`;
const historyKey = (room) => `room:${room}:history`;
const liveChannel = (room) => `room:${room}:live`;

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

async function join(redis, room, user) {
  if (!(await redis.sismember(ROOMS, room))) return noRoom(room);
  await redis.sadd(membersKey(room), user);
  console.log(`${user} joined ${room}`);
  return 0;
}

async function leave(redis, room, user) {
  if (!(await redis.sismember(ROOMS, room))) return noRoom(room);
  await redis.srem(membersKey(room), user);
  console.log(`${user} left ${room}`);
  return 0;
}

async function send(redis, room, user, text) {
  if (!(await redis.sismember(membersKey(room), user))) {
    console.error(`${user} is not in ${room}`);
    return 1;
  }
  const message = `${user}: ${text}`;
  // The append, the cap and the broadcast together, in one round trip.
  await redis.multi().rpush(historyKey(room), message).ltrim(historyKey(room), -HISTORY_LIMIT, -1).publish(liveChannel(room), message).exec();
  console.log('sent');
  return 0;
}

async function history(redis, room, count) {
  if (!/^[1-9]\d*$/.test(count ?? '')) {
    console.error('COUNT is a number, at least 1');
    return 2;
  }
  const messages = await redis.lrange(historyKey(room), -Number(count), -1);
  for (const message of messages) console.log(message);
  if (messages.length === 0) console.log('no messages');
  return 0;
}

async function listen(redis, room) {
  redis.on('message', (_channel, message) => console.log(message));
  await redis.subscribe(liveChannel(room));
  // Listens until it is stopped.
  return new Promise(() => {});
}

async function online(redis, user) {
  // The key lives as long as heartbeats keep coming: no heartbeat for 60 s, and the user is offline.
  await redis.set(`online:${user}`, 1, 'EX', ONLINE_SECONDS);
  console.log(`${user} is online`);
  return 0;
}

async function who(redis, room) {
  if (!(await redis.sismember(ROOMS, room))) return noRoom(room);
  const members = (await redis.smembers(membersKey(room))).sort();
  // One MGET for every member's status instead of a round trip each.
  const statuses = members.length > 0 ? await redis.mget(...members.map((member) => `online:${member}`)) : [];
  members.forEach((member, i) => console.log(`${member} ${statuses[i] === null ? 'offline' : 'online'}`));
  return 0;
}

const COMMANDS = { create, delete: remove, join, leave, send, history, listen, online, who };

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
  } catch (error) {
    console.error(`cannot reach Redis: ${error.message}`);
    process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}
