// A user profile store: one hash per user, written with HSET, read with HGETALL.
// Хранилище профилей: по хэшу на пользователя, запись через HSET, чтение через HGETALL.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function saveUser(userId, name, email, age) {
  // One HSET for all the fields: one round trip. / Один HSET на все поля: один запрос.
  await redis.hset(`user:${userId}`, { name, email, age });
}

async function getUser(userId) {
  const user = await redis.hgetall(`user:${userId}`);
  // A missing hash reads as {}, not null. / Отсутствующий хэш читается как {}, а не null.
  return Object.keys(user).length > 0 ? user : null;
}

await saveUser(1, 'Anna', 'anna@mail.com', 28);
await saveUser(2, 'Boris', 'boris@mail.com', 35);

for (const userId of [1, 2, 3]) {
  const user = await getUser(userId);
  console.log(`User ${userId}:`, user ?? 'not found');
}

await redis.quit();
