// A week of unique visitors: PFMERGE the seven days into a new HyperLogLog.
// Уникальные посетители за неделю: PFMERGE семи дней в новый HyperLogLog.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const days = [2, 3, 4, 5, 6, 7, 8].map((d) => `visitors:2026-03-${String(d).padStart(2, '0')}`);
console.log(`Days: ${days.join(', ')}`);

// TODO: await redis.pfmerge('visitors:2026-w10', ...days), then print "week: <await redis.pfcount('visitors:2026-w10')>".
// TODO: await redis.pfmerge('visitors:2026-w10', ...days), затем напечатайте "week: <await redis.pfcount('visitors:2026-w10')>".

// TODO: print "days added up: <n>", the seven await redis.pfcount(day) added up.
// TODO: напечатайте "days added up: <n>" — сумму семи await redis.pfcount(day).

await redis.quit();
