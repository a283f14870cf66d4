// A reliable worker: requeue what a crash left, then BLMOVE each job into a processing list
// and LREM it once done, so a crash never loses a job.
// Надёжный обработчик: вернуть оставшееся после падения, затем перекладывать каждую задачу через BLMOVE
// в список обрабатываемых и удалять её через LREM после работы — падение не теряет задач.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const QUEUE = 'queue:emails';
const PROCESSING = 'queue:emails:processing';

// TODO 1: move every job from PROCESSING back to the RIGHT end of QUEUE with LMOVE
//         (redis.lmove(PROCESSING, QUEUE, 'RIGHT', 'RIGHT')) until it returns null.
// TODO 1: верните каждую задачу из PROCESSING на правый (RIGHT) конец QUEUE через LMOVE
//         (redis.lmove(PROCESSING, QUEUE, 'RIGHT', 'RIGHT')), пока он не вернёт null.

console.log('Worker started, waiting for', QUEUE);

// TODO 2: loop: job = await redis.blmove(QUEUE, PROCESSING, 'RIGHT', 'LEFT', 30); stop on null. Print "Sending:" and
//         the job, RPUSH it to emails:sent, then acknowledge with LREM (redis.lrem(PROCESSING, 1, job)).
// TODO 2: цикл: job = await redis.blmove(QUEUE, PROCESSING, 'RIGHT', 'LEFT', 30); при null выходите. Напечатайте
//         "Sending:" и задачу, добавьте её в emails:sent через RPUSH и подтвердите через LREM (redis.lrem(PROCESSING, 1, job)).

await redis.quit();
