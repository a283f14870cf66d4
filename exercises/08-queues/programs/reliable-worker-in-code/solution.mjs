// A reliable worker: requeue what a crash left, then BLMOVE each job into a processing list
// and LREM it once done, so a crash never loses a job.
// Надёжный обработчик: вернуть оставшееся после падения, затем перекладывать каждую задачу через BLMOVE
// в список обрабатываемых и удалять её через LREM после работы — падение не теряет задач.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const QUEUE = 'queue:emails';
const PROCESSING = 'queue:emails:processing';

// The RIGHT end is where jobs are taken from: requeued jobs run next.
// С правого конца задачи забирают: возвращённые задачи выполнятся следующими.
while ((await redis.lmove(PROCESSING, QUEUE, 'RIGHT', 'RIGHT')) !== null) {}

console.log('Worker started, waiting for', QUEUE);

for (;;) {
  // The job stays in PROCESSING until acknowledged: a crash here loses nothing.
  // Задача лежит в PROCESSING до подтверждения: падение здесь ничего не теряет.
  const job = await redis.blmove(QUEUE, PROCESSING, 'RIGHT', 'LEFT', 30);
  if (job === null) break;
  console.log('Sending:', job);
  await redis.rpush('emails:sent', job);
  await redis.lrem(PROCESSING, 1, job);
}

await redis.quit();
