// Shopping cart (variant 2): a reference solution up to stage 6.
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

// Money in whole cents: 3 x 0.10 stays 0.30, with no float noise.
const toCents = (price) => Math.round(Number(price ?? 0) * 100);
const money = (cents) => (cents / 100).toFixed(2);

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

async function total(redis, user) {
  const cart = Object.entries(await redis.hgetall(cartKey(user))).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // Every price in one round trip.
  const prices = await cart.reduce((pipe, [product]) => pipe.hget(`product:${product}`, 'price'), redis.pipeline()).exec();
  let sum = 0;
  cart.forEach(([product, quantity], i) => {
    const subtotal = toCents(prices[i][1]) * Number(quantity);
    sum += subtotal;
    console.log(`${product} ${quantity} ${money(subtotal)}`);
  });
  console.log(`total ${money(sum)}`);
  return 0;
}

async function clear(redis, user) {
  // HLEN and DEL in one transaction: the count is of what was deleted.
  const [[, products]] = await redis.multi().hlen(cartKey(user)).del(cartKey(user)).exec();
  console.log(`cleared ${products} products`);
  return 0;
}

const COMMANDS = { add, remove, set: setQuantity, total, clear };

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
  } catch (error) {
    console.error(`cannot reach Redis: ${error.message}`);
    process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}
