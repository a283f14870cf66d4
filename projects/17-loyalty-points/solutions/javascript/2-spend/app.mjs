// Loyalty program (variant 17): a reference solution up to stage 2.
import Redis from 'ioredis';


const pointsKey = (customer) => `points:${customer}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  // Check and take in one step: purchases at the same moment cannot both see the old balance.
  redis.defineCommand('spendPoints', {
    numberOfKeys: 1,
    lua: `
      local balance = tonumber(redis.call('HGET', KEYS[1], 'balance') or '0')
      if balance < tonumber(ARGV[1]) then return {0, balance} end
      return {1, redis.call('HINCRBY', KEYS[1], 'balance', -tonumber(ARGV[1]))}`,
  });
  return redis;
}

async function earn(redis, customer, points) {
  const amount = Number(points);
  // One transaction: nobody reads a balance without its earned.
  const multi = redis.multi().hincrby(pointsKey(customer), 'balance', amount).hincrby(pointsKey(customer), 'earned', amount);
  const [[, balance]] = await multi.exec();
  console.log(`${customer} has ${balance} points`);
  return 0;
}

async function balance(redis, customer) {
  console.log(`${customer} has ${(await redis.hget(pointsKey(customer), 'balance')) ?? 0} points`);
  return 0;
}

async function spend(redis, customer, points) {
  const [done, left] = await redis.spendPoints(pointsKey(customer), Number(points));
  if (!done) {
    console.error(`not enough points: ${customer} has ${left}`);
    return 1;
  }
  console.log(`${customer} has ${left} points`);
  return 0;
}

const COMMANDS = { earn, balance, spend };

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
