// Wrong on purpose: a plain client on one node. Keys whose slot another
// master serves get "MOVED <slot> <host>:<port>", which it does not follow.
// Неправильно нарочно: обычный клиент на одном узле. Ключи, чей слот
// обслуживает другой мастер, получают "MOVED <слот> <host>:<port>", а он не
// идёт по этому ответу.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
try {
  for (let n = 1; n <= 6; n++) await redis.set(`product:${n}`, `item-${n}`);
  for (let n = 1; n <= 6; n++) console.log(`product:${n} = ${await redis.get(`product:${n}`)}`);
} finally {
  await redis.quit();
}
