// API request cache (variant 4): a reference solution up to stage 1.
import Redis from 'ioredis';

const DEFAULT_TTL = '300';

const cacheKey = (endpoint) => `cache:${endpoint}`;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function put(redis, endpoint, body, ttl = DEFAULT_TTL) {
  if (!/^\d+$/.test(ttl) || Number(ttl) === 0) {
    console.error(`invalid ttl: ${ttl}`);
    return 1;
  }
  // The body and its TTL in one command: no moment where the entry never expires.
  await redis.set(cacheKey(endpoint), body, 'EX', Number(ttl));
  console.log(`cached ${endpoint} for ${ttl}s`);
  return 0;
}

const COMMANDS = { put };

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
