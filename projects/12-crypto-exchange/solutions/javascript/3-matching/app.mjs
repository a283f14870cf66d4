// Crypto exchange (variant 12): a reference solution up to stage 3.
import Redis from 'ioredis';

const ASSETS = ['BTC', 'USD'];

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

const positive = (text) => (/^[0-9]+$/.test(text ?? '') && Number(text) > 0 ? Number(text) : null);

async function deposit(redis, user, asset, amount) {
  const value = positive(amount);
  if (value === null || !ASSETS.includes(asset)) {
    console.error('invalid amount');
    return 1;
  }
  console.log(`${user} has ${await redis.hincrby(`balance:${user}`, asset, value)} ${asset}`);
  return 0;
}

async function balance(redis, user) {
  const wallet = await redis.hgetall(`balance:${user}`);
  const assets = Object.keys(wallet).sort();
  for (const asset of assets) console.log(`${asset} ${wallet[asset]}`);
  if (assets.length === 0) console.log('no funds');
  return 0;
}

async function place(redis, side, user, price, amount) {
  const priceValue = positive(price);
  const amountValue = positive(amount);
  if (priceValue === null || amountValue === null) {
    console.error('invalid amount');
    return 1;
  }
  const wallet = `balance:${user}`;
  const [asset, held] = side === 'buy' ? ['USD', priceValue * amountValue] : ['BTC', amountValue];
  if (Number((await redis.hget(wallet, asset)) ?? 0) < held) {
    console.error('insufficient funds');
    return 1;
  }
  await redis.hincrby(wallet, asset, -held);
  const orderId = await redis.incr('orders:next');
  const [ownBook, otherBook] = side === 'buy' ? ['book:bids', 'book:asks'] : ['book:asks', 'book:bids'];
  let left = amountValue;
  while (left > 0) {
    const best = side === 'buy'
      ? await redis.zrangebyscore(otherBook, '-inf', priceValue, 'WITHSCORES', 'LIMIT', 0, 1)
      : await redis.zrevrangebyscore(otherBook, '+inf', priceValue, 'WITHSCORES', 'LIMIT', 0, 1);
    if (best.length === 0) break;
    const [otherId, at] = [best[0], Number(best[1])];
    const other = await redis.hgetall(`order:${otherId}`);
    const otherLeft = Number(other.amount);
    const q = Math.min(left, otherLeft);
    const [buyer, seller] = side === 'buy' ? [user, other.user] : [other.user, user];
    if (side === 'buy') await redis.hincrby(wallet, 'USD', (priceValue - at) * q);
    await redis.hincrby(`balance:${buyer}`, 'BTC', q);
    await redis.hincrby(`balance:${seller}`, 'USD', at * q);
    await redis.lpush('trades', `${buyer} bought ${q} BTC from ${seller} at ${at}`);
    if (q === otherLeft) {
      await redis.del(`order:${otherId}`);
      await redis.zrem(otherBook, otherId);
    } else {
      await redis.hset(`order:${otherId}`, 'amount', otherLeft - q);
    }
    left -= q;
    console.log(`traded ${q} BTC at ${at}`);
  }
  if (left > 0) {
    await redis.hset(`order:${orderId}`, { user, side, price: priceValue, amount: left });
    await redis.zadd(ownBook, priceValue, orderId);
    console.log(`order ${orderId} placed`);
  } else {
    console.log(`order ${orderId} filled`);
  }
  return 0;
}

const buy = (redis, ...args) => place(redis, 'buy', ...args);
const sell = (redis, ...args) => place(redis, 'sell', ...args);

async function cancel(redis, user, orderId) {
  const order = await redis.hgetall(`order:${orderId}`);
  if (order.user !== user) {
    console.error(`no order ${orderId} for ${user}`);
    return 1;
  }
  if (order.side === 'buy') {
    await redis.hincrby(`balance:${user}`, 'USD', Number(order.price) * Number(order.amount));
    await redis.zrem('book:bids', orderId);
  } else {
    await redis.hincrby(`balance:${user}`, 'BTC', Number(order.amount));
    await redis.zrem('book:asks', orderId);
  }
  await redis.del(`order:${orderId}`);
  console.log(`order ${orderId} cancelled`);
  return 0;
}

async function book(redis) {
  const [[, asks], [, bids]] = await redis.pipeline().zrange('book:asks', 0, -1, 'WITHSCORES').zrevrange('book:bids', 0, -1, 'WITHSCORES').exec();
  const ids = [...asks, ...bids].filter((_, i) => i % 2 === 0);
  // One round trip for every order's amount.
  const amounts = ids.length > 0 ? (await ids.reduce((pipe, id) => pipe.hget(`order:${id}`, 'amount'), redis.pipeline()).exec()).map(([, amount]) => amount) : [];
  for (let i = 0; i < asks.length; i += 2) console.log(`ask ${asks[i + 1]} ${amounts[i / 2]}`);
  for (let i = 0; i < bids.length; i += 2) console.log(`bid ${bids[i + 1]} ${amounts[asks.length / 2 + i / 2]}`);
  if (ids.length === 0) console.log('empty book');
  return 0;
}

async function trades(redis) {
  const history = await redis.lrange('trades', 0, 9);
  for (const trade of history) console.log(trade);
  if (history.length === 0) console.log('no trades');
  return 0;
}

const COMMANDS = { deposit, balance, buy, sell, cancel, book, trades };

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
  } finally {
    redis.disconnect();
  }
}
