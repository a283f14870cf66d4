// Unique visitors per day: PFADD every visit to the day's HyperLogLog, PFCOUNT each day.
// Уникальные посетители по дням: PFADD каждого визита в HyperLogLog дня, PFCOUNT для каждого дня.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const visits = await redis.lrange('log:visits', 0, -1);
console.log(`${visits.length} visits in the log`);

// TODO: for each visit "<day> <user>": await redis.pfadd(`visitors:${day}`, user), and remember the day (a Set).
// TODO: для каждого визита "<день> <пользователь>": await redis.pfadd(`visitors:${day}`, user), и запомните день (Set).

// TODO: for each day: print "<day>: <await redis.pfcount(`visitors:${day}`)> unique visitors".
// TODO: для каждого дня: напечатайте "<день>: <await redis.pfcount(`visitors:${day}`)> unique visitors".

await redis.quit();
