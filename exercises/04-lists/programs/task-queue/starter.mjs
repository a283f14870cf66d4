// A task queue on a list: the producer pushes with LPUSH, the consumer pops with RPOP.
// Очередь задач на списке: производитель добавляет через LPUSH, потребитель извлекает через RPOP.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function produce(task) {
  // TODO: push the task onto the list tasks with LPUSH (redis.lpush).
  // TODO: добавьте задачу в список tasks через LPUSH (redis.lpush).
}

async function work() {
  let handled = 0;
  // TODO: pop tasks with RPOP (redis.rpop) until it returns null; for each, print "Handling:" and the task,
  //       and record it in the list tasks:done with RPUSH (redis.rpush).
  // TODO: извлекайте задачи через RPOP (redis.rpop), пока он не вернёт null; для каждой напечатайте
  //       "Handling:" и задачу и запишите её в список tasks:done через RPUSH (redis.rpush).
  return handled;
}

for (const task of ['Convert image', 'Resize PDF', 'Send report']) {
  await produce(task);
}

console.log('Done:', await work(), 'tasks');

await redis.quit();
