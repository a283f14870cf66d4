// Voting (variant 7): a reference solution up to stage 4.
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
  // SADD answers 1 only to the first of any number of simultaneous voters: no race.
  if ((await redis.sadd(`poll:${poll}:voters`, user)) === 0) {
    console.error(`${user} already voted in ${poll}`);
    return 1;
  }
  const count = await redis.hincrby(votesKey(poll), option, 1);
  console.log('ok');
  return 0;
}

async function results(redis, poll) {
  const votes = Object.entries(await redis.hgetall(votesKey(poll))).map(([option, count]) => [option, Number(count)]);
  votes.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  for (const [option, count] of votes) console.log(`${option} ${count}`);
  console.log(`total ${votes.reduce((sum, [, count]) => sum + count, 0)}`);
  return 0;
}

const COMMANDS = { create, vote, results };

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
