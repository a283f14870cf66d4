// An e-mail worker: wait for jobs with BRPOP, send each, record it in emails:sent.
// Обработчик писем: ждёт задачи через BRPOP, отправляет каждую, записывает в emails:sent.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('Worker started, waiting for queue:emails...');

// TODO: loop: wait for a job with BRPOP (await redis.brpop('queue:emails', 30)); it returns [list, job], or null
//       when it timed out: then stop. For each job print "Sending email:" and the job, and RPUSH it to emails:sent.
// TODO: цикл: ждите задачу через BRPOP (await redis.brpop('queue:emails', 30)); он вернёт [список, задача] или null,
//       если истёк таймаут: тогда выходите. Для каждой задачи напечатайте "Sending email:" и задачу и добавьте её
//       в emails:sent через RPUSH.

await redis.quit();
