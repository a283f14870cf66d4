// Crypto exchange (variant 12): a reference solution up to stage 1.
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

const COMMANDS = { deposit, balance };

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
