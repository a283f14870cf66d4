// A week of unique visitors: PFMERGE the seven days into a new HyperLogLog.
// Уникальные посетители за неделю: PFMERGE семи дней в новый HyperLogLog.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const days = [2, 3, 4, 5, 6, 7, 8].map((d) => `visitors:2026-03-${String(d).padStart(2, '0')}`);

// A new destination: merging into a day would change that day's own count.
// Новое назначение: объединение в день изменило бы число этого дня.
await redis.pfmerge('visitors:2026-w10', ...days);

console.log(`week: ${await redis.pfcount('visitors:2026-w10')}`);
// A visitor of several days counts once a day here: more than the week's.
// Посетитель нескольких дней здесь считается раз в день: больше, чем за неделю.
let addedUp = 0;
for (const day of days) addedUp += await redis.pfcount(day);
console.log(`days added up: ${addedUp}`);

await redis.quit();
