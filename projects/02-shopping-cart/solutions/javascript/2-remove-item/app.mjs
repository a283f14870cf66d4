// Shopping cart (variant 2): a reference solution up to stage 2.
import Redis from 'ioredis';

const cartKey = (user) => `cart:${user}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

function parseQuantity(text, minimum) {
  return /^\d+$/.test(text) && Number(text) >= minimum ? Number(text) : null;
}

async function add(redis, user, product, quantity = '1') {
  const amount = parseQuantity(quantity, 1);
  if (amount === null) {
    console.error(`invalid quantity: ${quantity}`);
    return 1;
  }
  if ((await redis.exists(`product:${product}`)) === 0) {
    console.error(`unknown product: ${product}`);
    return 1;
  }
  // HINCRBY adds atomically: adds from many tabs at once all count.
  console.log(`${product} ${await redis.hincrby(cartKey(user), product, amount)}`);
  return 0;
}

async function remove(redis, user, product) {
  if ((await redis.hdel(cartKey(user), product)) === 0) {
    console.error(`${product} is not in the cart`);
    return 1;
  }
  console.log(`removed ${product}`);
  return 0;
}

const COMMANDS = { add, remove };

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
