// A user profile store: one hash per user, written with HSET, read with HGETALL.
// Хранилище профилей: по хэшу на пользователя, запись через HSET, чтение через HGETALL.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function saveUser(userId, name, email, age) {
  // TODO: write user:<userId> with the fields name, email and age in one HSET (redis.hset with an object).
  // TODO: запишите user:<userId> с полями name, email и age одним HSET (redis.hset с объектом).
}

async function getUser(userId) {
  // TODO: read user:<userId> with HGETALL (redis.hgetall); return null when the object is empty.
  // TODO: прочитайте user:<userId> через HGETALL (redis.hgetall); верните null, если объект пуст.
  return null;
}

await saveUser(1, 'Anna', 'anna@mail.com', 28);
await saveUser(2, 'Boris', 'boris@mail.com', 35);

for (const userId of [1, 2, 3]) {
  const user = await getUser(userId);
  console.log(`User ${userId}:`, user ?? 'not found');
}

await redis.quit();
