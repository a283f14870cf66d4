// A bounded activity log: the newest actions first, never more than KEEP of them.
// Лента последних действий: новые сверху, не больше KEEP штук.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const KEEP = 5;

async function logActivity(userId, action) {
  const key = `activity:${userId}`;
  await redis.lpush(key, action);
  // Trimming after every push drops at most one item: O(1) per event.
  // Обрезка после каждого добавления убирает не больше одного элемента: O(1) на событие.
  await redis.ltrim(key, 0, KEEP - 1);
}

for (const action of ['login', 'view:home', 'view:cart', 'add:apple', 'add:pear', 'checkout', 'logout']) {
  await logActivity(42, action);
}

console.log('Recent:', (await redis.lrange('activity:42', 0, -1)).join(', '));

await redis.quit();
