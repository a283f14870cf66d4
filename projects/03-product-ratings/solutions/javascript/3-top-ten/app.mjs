// Product ratings (variant 3): a reference solution up to stage 3.
import Redis from 'ioredis';

const TOP = 'ratings:top';

const ratingKey = (product) => `rating:${product}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

// The sums, the count and the top's average change in one atomic step:
// ratings that arrive at once cannot leave a stale average.
const RATE = `
local sum = redis.call('HINCRBY', KEYS[1], 'sum', ARGV[1])
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('ZADD', KEYS[2], sum / count, ARGV[2])
return count
`;

async function rate(redis, product, stars) {
  if (!['1', '2', '3', '4', '5'].includes(stars)) {
    console.error(`stars must be 1 to 5, not ${stars}`);
    return 1;
  }
  await redis.eval(RATE, 2, ratingKey(product), TOP, stars, product);
  console.log(`rated ${product}`);
  return 0;
}

async function average(redis, product) {
  const [sum, count] = await redis.hmget(ratingKey(product), 'sum', 'count');
  console.log(count === null ? 'no ratings' : (Number(sum) / Number(count)).toFixed(2));
  return 0;
}

async function top(redis) {
  const flat = await redis.zrevrange(TOP, 0, 9, 'WITHSCORES');
  for (let i = 0; i < flat.length; i += 2) console.log(`${flat[i]} ${Number(flat[i + 1]).toFixed(2)}`);
  return 0;
}

const COMMANDS = { rate, average, top };

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
