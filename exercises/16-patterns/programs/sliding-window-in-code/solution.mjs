// A sliding-window rate limiter: 5 requests per 60 s, one sorted-set member per request.
// Ограничитель со скользящим окном: 5 запросов за 60 с, по участнику на запрос.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const LIMIT = 5;
const WINDOW_MS = 60_000;

async function allow(userId) {
  const key = `ratelimit:user:${userId}`;
  // The server's clock: every app server agrees on the window.
  // Часы сервера: все серверы приложения согласны насчёт окна.
  const [sec, usec] = await redis.time();
  const now = Number(sec) * 1000 + Math.floor(Number(usec) / 1000);
  const [, [, count]] = await redis.multi().zremrangebyscore(key, 0, now - WINDOW_MS).zcard(key).exec();
  if (count >= LIMIT) return false;
  // A random suffix: two requests in one millisecond stay two members.
  // Случайный суффикс: два запроса в одну миллисекунду остаются двумя участниками.
  await redis.multi().zadd(key, now, `${now}:${randomUUID().slice(0, 8)}`).pexpire(key, WINDOW_MS).exec();
  return true;
}

for (let n = 1; n <= 7; n++) {
  console.log(`request ${n}: ${(await allow(42)) ? 'allowed' : 'denied'}`);
}

await redis.quit();
