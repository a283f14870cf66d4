// Password manager (variant 8): a reference solution up to stage 1.
import { createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import Redis from 'ioredis';

const SESSION_SECONDS = 300;
const ITERATIONS = 100_000;

function connect() {
  // No endless reconnecting: a Redis that is down fails the first command.
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0', { maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

// PBKDF2 makes each guess at the master slow.
const deriveKey = (master, saltHex) => pbkdf2Sync(master, Buffer.from(saltHex, 'hex'), ITERATIONS, 32, 'sha256');
const verifierOf = (key) => createHash('sha256').update(key).digest('hex');

async function init(redis, user, master) {
  const salt = randomBytes(16).toString('hex');
  // HSETNX on the salt decides which of two simultaneous inits creates the vault.
  if ((await redis.hsetnx(`vault:${user}`, 'salt', salt)) === 0) {
    console.error(`vault ${user} exists already`);
    return 1;
  }
  await redis.hset(`vault:${user}`, 'verifier', verifierOf(deriveKey(master, salt)));
  console.log(`created ${user}`);
  return 0;
}

async function unlock(redis, user, master) {
  const vault = await redis.hgetall(`vault:${user}`);
  if (vault.verifier === undefined) {
    console.error(`no vault for ${user}`);
    return 1;
  }
  const key = deriveKey(master, vault.salt);
  if (!timingSafeEqual(Buffer.from(verifierOf(key)), Buffer.from(vault.verifier))) {
    console.error('wrong master password');
    return 1;
  }
  await redis.set(`session:${user}`, key.toString('base64'), 'EX', SESSION_SECONDS);
  console.log('unlocked');
  return 0;
}

const COMMANDS = { init, unlock };

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
