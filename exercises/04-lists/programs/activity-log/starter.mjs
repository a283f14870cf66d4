// A bounded activity log: the newest actions first, never more than KEEP of them.
// Лента последних действий: новые сверху, не больше KEEP штук.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const KEEP = 5;

async function logActivity(userId, action) {
  const key = `activity:${userId}`;
  await redis.lpush(key, action);
  // TODO: keep only the KEEP newest actions with LTRIM (redis.ltrim(key, start, stop); stop is inclusive).
  // TODO: оставьте только KEEP новейших действий через LTRIM (redis.ltrim(key, start, stop); stop включается).
}

for (const action of ['login', 'view:home', 'view:cart', 'add:apple', 'add:pear', 'checkout', 'logout']) {
  await logActivity(42, action);
}

// TODO: read activity:42 with LRANGE (redis.lrange(key, 0, -1)) and print "Recent: " with the actions joined by ", ".
// TODO: прочитайте activity:42 через LRANGE (redis.lrange(key, 0, -1)) и напечатайте "Recent: " и действия через ", ".
console.log('Recent: ?');

await redis.quit();
