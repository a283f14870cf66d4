// Password manager (variant 8): a reference solution up to stage 2.
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
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

async function sessionKey(redis, user) {
  const key = await redis.get(`session:${user}`);
  return key === null ? null : Buffer.from(key, 'base64');
}

function locked(user) {
  console.error(`vault is locked: run unlock ${user} MASTER`);
  return 1;
}

// AES-256-GCM with a fresh 12-byte nonce each time: one password stored twice looks different.
function encrypt(key, text) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [nonce, cipher.getAuthTag(), sealed].map((part) => part.toString('base64')).join('.');
}

function decrypt(key, token) {
  const [nonce, tag, sealed] = token.split('.').map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString('utf8');
}

async function add(redis, user, service, login, password) {
  const key = await sessionKey(redis, user);
  if (key === null) return locked(user);
  await redis.hset(`secret:${user}:${service}`, { login, password: encrypt(key, password) });
  console.log(`saved ${service}`);
  return 0;
}

async function get(redis, user, service) {
  const key = await sessionKey(redis, user);
  if (key === null) return locked(user);
  const entry = await redis.hgetall(`secret:${user}:${service}`);
  if (entry.password === undefined) {
    console.error(`no such service: ${service}`);
    return 1;
  }
  console.log(`${entry.login} ${decrypt(key, entry.password)}`);
  return 0;
}

const COMMANDS = { init, unlock, add, get };

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
