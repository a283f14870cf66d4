// A task queue on a list: the producer pushes with LPUSH, the consumer pops with RPOP.
// Очередь задач на списке: производитель добавляет через LPUSH, потребитель извлекает через RPOP.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function produce(task) {
  await redis.lpush('tasks', task);
}

async function work() {
  let handled = 0;
  // LPUSH at the head, RPOP at the tail: the oldest task first. null: the queue is empty.
  // LPUSH в начало, RPOP с конца: сначала самая старая задача. null — очередь пуста.
  for (let task; (task = await redis.rpop('tasks')) !== null; ) {
    console.log('Handling:', task);
    await redis.rpush('tasks:done', task);
    handled += 1;
  }
  return handled;
}

for (const task of ['Convert image', 'Resize PDF', 'Send report']) {
  await produce(task);
}

console.log('Done:', await work(), 'tasks');

await redis.quit();
