// Pipelining: send 1000 SETs in one round trip instead of waiting for each reply.
// Конвейер: отправляем 1000 SET за один круг вместо ожидания каждого ответа.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: this waits for each reply: 1000 round trips. Queue the SETs on const pipeline = redis.pipeline()
//       (pipeline.set(...)) and send them all with const replies = await pipeline.exec() ([error, result] pairs).
// TODO: здесь каждый ответ ждут отдельно: 1000 кругов. Поставьте SET в очередь const pipeline = redis.pipeline()
//       (pipeline.set(...)) и отправьте все сразу: const replies = await pipeline.exec() (пары [ошибка, результат]).
let written = 0;
for (let i = 1; i <= 1000; i += 1) {
  if ((await redis.set(`stock:${i}`, 100)) === 'OK') written += 1;
}

console.log(`Wrote ${written} keys in one round trip`);

await redis.quit();
