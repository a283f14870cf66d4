// Product ratings (variant 3): a reference solution up to stage 1.
import Redis from 'ioredis';

const ratingKey = (product) => `rating:${product}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function rate(redis, product, stars) {
  if (!['1', '2', '3', '4', '5'].includes(stars)) {
    console.error(`stars must be 1 to 5, not ${stars}`);
    return 1;
  }
  // One transaction: the sum and the count change together, each HINCRBY atomic.
  await redis.multi().hincrby(ratingKey(product), 'sum', Number(stars)).hincrby(ratingKey(product), 'count', 1).exec();
  console.log(`rated ${product}`);
  return 0;
}

const COMMANDS = { rate };

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
