// An e-mail worker: wait for jobs with BRPOP, send each, record it in emails:sent.
// Обработчик писем: ждёт задачи через BRPOP, отправляет каждую, записывает в emails:sent.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('Worker started, waiting for queue:emails...');

for (;;) {
  // Blocks until a job arrives: no polling. null: 30 seconds without work.
  // Блокируется до появления задачи: без опроса. null — 30 секунд без работы.
  const item = await redis.brpop('queue:emails', 30);
  if (item === null) break;
  const [, job] = item;
  console.log('Sending email:', job);
  await redis.rpush('emails:sent', job);
}

await redis.quit();
