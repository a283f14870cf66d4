// Pipelining: send 1000 SETs in one round trip instead of waiting for each reply.
// Конвейер: отправляем 1000 SET за один круг вместо ожидания каждого ответа.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// pipeline(), not multi(): just batching, no MULTI/EXEC around it.
// pipeline(), а не multi(): только пакет, без MULTI/EXEC вокруг.
const pipeline = redis.pipeline();
for (let i = 1; i <= 1000; i += 1) {
  pipeline.set(`stock:${i}`, 100); // queued here, nothing is sent yet / в очередь, пока ничего не отправлено
}
// One write, then all replies, each [error, result]. / Одна запись, затем все ответы, каждый [ошибка, результат].
const replies = await pipeline.exec();
const written = replies.filter(([err, result]) => err === null && result === 'OK').length;

console.log(`Wrote ${written} keys in one round trip`);

await redis.quit();
