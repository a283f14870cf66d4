// Recovery job worker-2: find the pending entries, claim the idle ones, finish them.
// Задача восстановления worker-2: найти ожидающие записи, забрать простаивающие, доделать.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('worker-2 looking for abandoned tasks...');

// TODO: list the pending entries: await redis.xpending('tasks', 'thumbnails', '-', '+', 10)
//       gives [[id, consumer, idleMs, deliveries], ...]; print each one's id, consumer and idle time.
// TODO: перечислите ожидающие записи: await redis.xpending('tasks', 'thumbnails', '-', '+', 10)
//       даёт [[id, потребитель, простой в мс, доставок], ...]; напечатайте у каждой id, потребителя и простой.

// TODO: claim the ones idle for at least 60 s:
//       const [, claimed] = await redis.xautoclaim('tasks', 'thumbnails', 'worker-2', 60000, '0-0');
//       For each [entryId, flat] (flat: [field, value, ...]): print "Recovered <id>: <task>",
//       RPUSH the task to thumbnails:done, then await redis.xack('tasks', 'thumbnails', entryId).
// TODO: заберите простаивающие не меньше 60 с:
//       const [, claimed] = await redis.xautoclaim('tasks', 'thumbnails', 'worker-2', 60000, '0-0');
//       Для каждой [entryId, flat] (flat: [поле, значение, ...]): напечатайте "Recovered <id>: <task>",
//       добавьте task в thumbnails:done (RPUSH), затем await redis.xack('tasks', 'thumbnails', entryId).

await redis.quit();
