// Password manager (variant 8): a reference solution up to stage 5.
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import Redis from 'ioredis';

const SESSION_SECONDS = 300;
const ITERATIONS = 100_000;
const MAX_ATTEMPTS = 3;
const LOCKOUT_SECONDS = 900;
const WEAK_BELOW = 12;

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
  const failures = `failures:${user}`;
  // INCR numbers this attempt before any check: of many simultaneous guesses only MAX_ATTEMPTS get one.
  const [[, attempt]] = await redis.multi().incr(failures).expire(failures, LOCKOUT_SECONDS, 'NX').exec();
  if (attempt > MAX_ATTEMPTS) {
    console.error(`${user} is locked out: too many failed attempts, try again in 15 minutes`);
    return 1;
  }
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
  await redis.multi().set(`session:${user}`, key.toString('base64'), 'EX', SESSION_SECONDS).del(failures).exec();
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

async function add(redis, user, service, login, password, category = '') {
  const key = await sessionKey(redis, user);
  if (key === null) return locked(user);
  const entry = { login, password: encrypt(key, password) };
  const transaction = redis.multi();
  if (category !== '') {
    entry.category = category;
    transaction.sadd(`category:${user}:${category}`, service);
  }
  // One score for all: the set then orders by name, which ZRANGEBYLEX searches by prefix.
  await transaction.hset(`secret:${user}:${service}`, entry).zadd(`services:${user}`, 0, service).exec();
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

function printFound(names) {
  for (const name of names) console.log(name);
  console.log(`${names.length} found`);
  return 0;
}

async function list(redis, user, category) {
  return printFound((await redis.smembers(`category:${user}:${category}`)).sort());
}

async function search(redis, user, prefix) {
  // The byte 0xff sorts after any byte a name can go on with: "[PREFIX" to "[PREFIX\xff" is every name with the prefix.
  return printFound(await redis.zrangebylex(`services:${user}`, `[${prefix}`, Buffer.concat([Buffer.from(`[${prefix}`), Buffer.from([0xff])])));
}

async function report(redis, user) {
  const key = await sessionKey(redis, user);
  if (key === null) return locked(user);
  const services = await redis.zrange(`services:${user}`, 0, -1);
  const pipeline = redis.pipeline();
  for (const service of services) pipeline.hget(`secret:${user}:${service}`, 'password');
  const tokens = services.length > 0 ? await pipeline.exec() : [];
  const passwords = new Map();
  services.forEach((service, index) => {
    const [, token] = tokens[index];
    if (token !== null) passwords.set(service, decrypt(key, token));
  });
  const byPassword = new Map();
  for (const [service, password] of passwords) byPassword.set(password, [...(byPassword.get(password) ?? []), service]);
  console.log(`${passwords.size} passwords`);
  for (const service of [...passwords.keys()].sort()) {
    if (passwords.get(service).length < WEAK_BELOW) console.log(`weak ${service}`);
  }
  const reused = [...byPassword.values()].filter((group) => group.length > 1).map((group) => group.sort().join(' '));
  for (const line of reused.sort()) console.log(`reused ${line}`);
  return 0;
}

const COMMANDS = { init, unlock, add, get, list, search, report };

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
