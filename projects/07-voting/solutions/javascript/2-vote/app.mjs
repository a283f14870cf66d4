// Voting (variant 7): a reference solution up to stage 2.
import Redis from 'ioredis';

const votesKey = (poll) => `poll:${poll}:votes`;

function connect() {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function create(redis, poll, ...options) {
  if (options.length === 0) {
    console.error('create needs at least one option');
    return 2;
  }
  // The check and the write in one transaction: WATCH makes a create that lost a race fail.
  await redis.watch(votesKey(poll));
  if ((await redis.exists(votesKey(poll))) === 1) {
    await redis.unwatch();
    console.error(`poll ${poll} exists already`);
    return 1;
  }
  const done = await redis.multi().hset(votesKey(poll), Object.fromEntries(options.map((option) => [option, 0]))).exec();
  if (done === null) {
    console.error(`poll ${poll} exists already`);
    return 1;
  }
  console.log(`created ${poll}`);
  return 0;
}

async function vote(redis, poll, user, option) {
  if (!(await redis.hexists(votesKey(poll), option))) {
    console.error(`unknown option ${option} in poll ${poll}`);
    return 1;
  }
  await redis.hincrby(votesKey(poll), option, 1);
  console.log('ok');
  return 0;
}

const COMMANDS = { create, vote };

const [name, ...args] = process.argv.slice(2);
const run = COMMANDS[name];
if (run === undefined) {
  console.error(`usage: app.mjs ${Object.keys(COMMANDS).join('|')} ...`);
  process.exitCode = 2;
} else {
  const redis = connect();
  try {
    process.exitCode = await run(redis, ...args);
  } catch (error) {
    console.error(`cannot reach Redis: ${error.message}`);
    process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}
