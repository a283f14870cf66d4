// A fixed-window rate limiter: at most 5 requests per user per minute.
// Ограничитель с фиксированным окном: не больше 5 запросов от пользователя в минуту.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const LIMIT = 5;
const WINDOW_SECONDS = 60;

async function allow(userId) {
  const key = `rate:user:${userId}`;
  // MULTI/EXEC: a counter is never left without its expiry.
  // MULTI/EXEC: счётчик никогда не остаётся без срока жизни.
  const [[, count]] = await redis.multi().incr(key).expire(key, WINDOW_SECONDS).exec();
  return count <= LIMIT;
}

for (let request = 1; request <= 7; request += 1) {
  console.log(`request ${request}:`, (await allow(42)) ? 'allowed' : 'blocked');
}

await redis.quit();
