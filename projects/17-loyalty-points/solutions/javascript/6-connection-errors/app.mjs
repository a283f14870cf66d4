// Loyalty program (variant 17): a reference solution up to stage 6.
import Redis from 'ioredis';

const LEADERBOARD = 'leaderboard';
const TIERS = [[5000, 'gold'], [1000, 'silver'], [0, 'bronze']];
const BONUS_SECONDS = 30 * 24 * 3600;

const pointsKey = (customer) => `points:${customer}`;
const historyKey = (customer) => `history:${customer}`;
const bonusKey = (customer) => `bonus:${customer}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // Check, take (bonus first, DECRBY keeps its TTL) and record in one step: purchases at the same moment cannot both see the old balance.
  redis.defineCommand('spendPoints', {
    numberOfKeys: 3,
    lua: `
      local cost = tonumber(ARGV[1])
      local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
      local bonus = tonumber(redis.call('GET', KEYS[2]) or '0')
      if balance + bonus < cost then return {0, balance} end
      local fromBonus = math.min(bonus, cost)
      if fromBonus > 0 then redis.call('DECRBY', KEYS[2], fromBonus) end
      if cost > fromBonus then balance = redis.call('HINCRBY', KEYS[1], 'balance', fromBonus - cost) end
      redis.call('XADD', KEYS[3], '*', 'type', 'spend', 'points', ARGV[1])
      return {1, balance}`,
  });
  return redis;
}

async function earn(redis, customer, points) {
  const amount = Number(points);
  // One transaction: nobody reads a balance without its earned, history or leaderboard score.
  const multi = redis.multi().hincrby(pointsKey(customer), 'balance', amount).hincrby(pointsKey(customer), 'earned', amount);
  multi.xadd(historyKey(customer), '*', 'type', 'earn', 'points', amount);
  multi.zincrby(LEADERBOARD, amount, customer);
  const [[, balance]] = await multi.exec();
  console.log(`${customer} has ${balance} points`);
  return 0;
}

async function balance(redis, customer) {
  const [[, points], [, bonus]] = await redis.pipeline().hget(pointsKey(customer), 'balance').get(bonusKey(customer)).exec();
  const extra = Number(bonus ?? 0) > 0 ? ` and ${bonus} bonus points` : '';
  console.log(`${customer} has ${points ?? 0} points${extra}`);
  return 0;
}

async function spend(redis, customer, points) {
  const [done, left] = await redis.spendPoints(pointsKey(customer), bonusKey(customer), historyKey(customer), Number(points));
  if (!done) {
    console.error(`not enough points: ${customer} has ${left}`);
    return 1;
  }
  console.log(`${customer} has ${left} points`);
  return 0;
}

async function history(redis, customer) {
  const entries = await redis.xrange(historyKey(customer), '-', '+');
  for (const [, fields] of entries) {
    const entry = Object.fromEntries(fields.flatMap((value, i) => (i % 2 === 0 ? [[value, fields[i + 1]]] : [])));
    console.log(`${entry.type} ${entry.points}`);
  }
  if (entries.length === 0) console.log('no history');
  return 0;
}

async function tier(redis, customer) {
  const earned = Number((await redis.hget(pointsKey(customer), 'earned')) ?? 0);
  const [, name] = TIERS.find(([floor]) => earned >= floor);
  console.log(`${customer} is ${name} (${earned} earned)`);
  return 0;
}

async function top(redis, count) {
  const n = Number(count);
  const first = await redis.zrange(LEADERBOARD, 0, n - 1, 'REV', 'WITHSCORES');
  if (first.length === 0) return 0;
  // Everyone tied with the last of the top N, so equal scores can be ordered by name.
  const tied = await redis.zrangebyscore(LEADERBOARD, first[first.length - 1], '+inf', 'WITHSCORES');
  const rows = [];
  for (let i = 0; i < tied.length; i += 2) rows.push([tied[i], Number(tied[i + 1])]);
  rows.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  rows.slice(0, n).forEach(([customer, earned], i) => console.log(`${i + 1}. ${customer} ${earned}`));
  return 0;
}

async function bonus(redis, customer, points) {
  // A new bonus replaces the old one and starts its 30 days again.
  await redis.set(bonusKey(customer), Number(points), 'EX', BONUS_SECONDS);
  console.log(`${customer} got ${points} bonus points`);
  return 0;
}

const COMMANDS = { earn, balance, spend, history, tier, top, bonus };

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
