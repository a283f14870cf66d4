// Unique visitors per day: PFADD every visit to the day's HyperLogLog, PFCOUNT each day.
// Уникальные посетители по дням: PFADD каждого визита в HyperLogLog дня, PFCOUNT для каждого дня.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const days = new Set();
for (const line of await redis.lrange('log:visits', 0, -1)) {
  const [day, user] = line.split(' ');
  // A visitor seen before changes nothing: the HyperLogLog counts distinct ones.
  // Уже виденный посетитель ничего не меняет: HyperLogLog считает различных.
  await redis.pfadd(`visitors:${day}`, user);
  days.add(day);
}

for (const day of days) {
  console.log(`${day}: ${await redis.pfcount(`visitors:${day}`)} unique visitors`);
}

await redis.quit();
