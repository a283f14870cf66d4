// Crypto exchange (variant 12): a reference solution up to stage 4.
import Redis from 'ioredis';

const ASSETS = ['BTC', 'USD'];

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // The funds check, the hold, the matching and the trades in one atomic step:
  // no other client can read the same last ask or the same balance in between.
  redis.defineCommand('placeOrder', {
    numberOfKeys: 5,
    lua: `
      local user, side = ARGV[1], ARGV[2]
      local price, amount = tonumber(ARGV[3]), tonumber(ARGV[4])
      local asset, held = 'BTC', amount
      if side == 'buy' then asset, held = 'USD', price * amount end
      if tonumber(redis.call('HGET', KEYS[1], asset) or '0') < held then return {-1} end
      redis.call('HINCRBY', KEYS[1], asset, -held)
      local id = redis.call('INCR', KEYS[2])
      local book, other_book = KEYS[3], KEYS[4]
      if side == 'buy' then book, other_book = KEYS[4], KEYS[3] end
      local fills = {}
      local left = amount
      while left > 0 do
        local best
        if side == 'buy' then
          best = redis.call('ZRANGE', other_book, '-inf', price, 'BYSCORE', 'LIMIT', 0, 1, 'WITHSCORES')
        else
          best = redis.call('ZRANGE', other_book, '+inf', price, 'BYSCORE', 'REV', 'LIMIT', 0, 1, 'WITHSCORES')
        end
        if #best == 0 then break end
        local other_id, at = best[1], tonumber(best[2])
        local other_key = 'order:' .. other_id
        local other_user = redis.call('HGET', other_key, 'user')
        local other_left = tonumber(redis.call('HGET', other_key, 'amount'))
        local q = math.min(left, other_left)
        local buyer, seller = other_user, user
        if side == 'buy' then
          buyer, seller = user, other_user
          -- The buyer held his own price; he pays the resting price.
          redis.call('HINCRBY', KEYS[1], 'USD', (price - at) * q)
        end
        redis.call('HINCRBY', 'balance:' .. buyer, 'BTC', q)
        redis.call('HINCRBY', 'balance:' .. seller, 'USD', at * q)
        redis.call('LPUSH', KEYS[5], buyer .. ' bought ' .. q .. ' BTC from ' .. seller .. ' at ' .. at)
        if q == other_left then
          redis.call('DEL', other_key)
          redis.call('ZREM', other_book, other_id)
        else
          redis.call('HSET', other_key, 'amount', other_left - q)
        end
        left = left - q
        table.insert(fills, q)
        table.insert(fills, at)
      end
      if left > 0 then
        redis.call('HSET', 'order:' .. id, 'user', user, 'side', side, 'price', price, 'amount', left)
        redis.call('ZADD', book, price, id)
      end
      return {id, left, fills}`,
  });
  // Only the owner cancels, and the refund and the removal happen together.
  redis.defineCommand('cancelOrder', {
    numberOfKeys: 4,
    lua: `
      local order = KEYS[1]
      if redis.call('HGET', order, 'user') ~= ARGV[1] then return 0 end
      local side = redis.call('HGET', order, 'side')
      local price = tonumber(redis.call('HGET', order, 'price'))
      local amount = tonumber(redis.call('HGET', order, 'amount'))
      if side == 'buy' then
        redis.call('HINCRBY', KEYS[2], 'USD', price * amount)
        redis.call('ZREM', KEYS[4], ARGV[2])
      else
        redis.call('HINCRBY', KEYS[2], 'BTC', amount)
        redis.call('ZREM', KEYS[3], ARGV[2])
      end
      redis.call('DEL', order)
      return 1`,
  });
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
  const reply = await redis.placeOrder(`balance:${user}`, 'orders:next', 'book:asks', 'book:bids', 'trades', user, side, priceValue, amountValue);
  if (reply[0] === -1) {
    console.error('insufficient funds');
    return 1;
  }
  const [orderId, left, fills] = reply;
  for (let i = 0; i < fills.length; i += 2) console.log(`traded ${fills[i]} BTC at ${fills[i + 1]}`);
  console.log(left > 0 ? `order ${orderId} placed` : `order ${orderId} filled`);
  return 0;
}

const buy = (redis, ...args) => place(redis, 'buy', ...args);
const sell = (redis, ...args) => place(redis, 'sell', ...args);

async function cancel(redis, user, orderId) {
  if (!(await redis.cancelOrder(`order:${orderId}`, `balance:${user}`, 'book:asks', 'book:bids', user, orderId))) {
    console.error(`no order ${orderId} for ${user}`);
    return 1;
  }
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
