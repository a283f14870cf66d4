// Shopping cart (variant 2): a reference solution up to stage 3.
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

// Checks that the product is in the cart and writes in one atomic step:
// a concurrent remove cannot slip in between and have the product come back.
const SET_QUANTITY = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return -1 end
if tonumber(ARGV[2]) == 0 then return redis.call('HDEL', KEYS[1], ARGV[1]) - 1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return tonumber(ARGV[2])
`;

async function setQuantity(redis, user, product, quantity) {
  const amount = parseQuantity(quantity, 0);
  if (amount === null) {
    console.error(`invalid quantity: ${quantity}`);
    return 1;
  }
  const result = await redis.eval(SET_QUANTITY, 1, cartKey(user), product, amount);
  if (result < 0) {
    console.error(`${product} is not in the cart`);
    return 1;
  }
  console.log(result > 0 ? `${product} ${result}` : `removed ${product}`);
  return 0;
}

const COMMANDS = { add, remove, set: setQuantity };

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
