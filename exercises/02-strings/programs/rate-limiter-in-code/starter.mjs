// A fixed-window rate limiter: at most 5 requests per user per minute.
// Ограничитель с фиксированным окном: не больше 5 запросов от пользователя в минуту.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const LIMIT = 5;
const WINDOW_SECONDS = 60;

async function allow(userId) {
  const key = `rate:user:${userId}`;
  // TODO: in one transaction (redis.multi()), INCR the key and EXPIRE it for WINDOW_SECONDS;
  //       .exec() returns [error, reply] for each. Return whether the count is at most LIMIT.
  // TODO: одной транзакцией (redis.multi()) выполните INCR ключа и EXPIRE на WINDOW_SECONDS;
  //       .exec() вернёт [ошибка, ответ] для каждой команды. Верните, не больше ли счётчик LIMIT.
  return true;
}

for (let request = 1; request <= 7; request += 1) {
  console.log(`request ${request}:`, (await allow(42)) ? 'allowed' : 'blocked');
}

await redis.quit();
