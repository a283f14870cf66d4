// A sliding-window rate limiter: 5 requests per 60 s, one sorted-set member per request.
// Ограничитель со скользящим окном: 5 запросов за 60 с, по участнику на запрос.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const LIMIT = 5;
const WINDOW_MS = 60_000;

async function allow(userId) {
  const key = `ratelimit:user:${userId}`;
  const [sec, usec] = await redis.time();
  const now = Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
  // TODO: in one MULTI: const [, [, count]] = await redis.multi().zremrangebyscore(key, 0, now - WINDOW_MS)
  //       .zcard(key).exec(). When count is LIMIT or more: return false. Otherwise
  //       zadd(key, now, `${now}:${randomUUID().slice(0, 8)}`), pexpire(key, WINDOW_MS) and return true.
  // TODO: одним MULTI: const [, [, count]] = await redis.multi().zremrangebyscore(key, 0, now - WINDOW_MS)
  //       .zcard(key).exec(). Если count — LIMIT или больше: return false. Иначе
  //       zadd(key, now, `${now}:${randomUUID().slice(0, 8)}`), pexpire(key, WINDOW_MS) и return true.
  return true;
}

for (let n = 1; n <= 7; n++) {
  console.log(`request ${n}: ${(await allow(42)) ? 'allowed' : 'denied'}`);
}

await redis.quit();
