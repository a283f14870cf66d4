// Anna pays 30: WATCH the balance, write in MULTI/EXEC, retry when EXEC is refused.
// Анна платит 30: WATCH на баланс, запись в MULTI/EXEC, повтор, если EXEC отклонён.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

let attempt = 0;
for (;;) {
  attempt += 1;
  await redis.watch('account:anna:balance');
  const balance = Number(await redis.get('account:anna:balance'));
  const result = await redis
    .multi()
    .set('account:anna:balance', balance - 30)
    .rpush('payments:anna', 'order:5001:30')
    .exec();
  if (result !== null) break;
  // EXEC returned nil: the balance changed after WATCH. Read it again.
  // EXEC вернул nil: баланс изменился после WATCH. Читаем заново.
  console.log(`Attempt ${attempt}: the balance changed, retrying`);
}

console.log(`Paid on attempt ${attempt}`);

await redis.quit();
