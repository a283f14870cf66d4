// Recovery job worker-2: find the pending entries, claim the idle ones, finish them.
// Задача восстановления worker-2: найти ожидающие записи, забрать простаивающие, доделать.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const pending = await redis.xpending('tasks', 'thumbnails', '-', '+', 10);
for (const [entryId, consumer, idleMs] of pending) {
  console.log(`Pending ${entryId} held by ${consumer}, idle ${idleMs} ms`);
}

// 60 s idle: long enough to spare a live worker's fresh entries.
// 60 с простоя: достаточно, чтобы не трогать свежие записи живого обработчика.
const [, claimed] = await redis.xautoclaim('tasks', 'thumbnails', 'worker-2', 60000, '0-0');

for (const [entryId, flat] of claimed) {
  const task = flat[flat.indexOf('task') + 1];
  console.log(`Recovered ${entryId}: ${task}`);
  await redis.rpush('thumbnails:done', task);
  await redis.xack('tasks', 'thumbnails', entryId);
}

await redis.quit();
