// Event sourcing: rebuild account 42's balance by replaying its stream of events.
// Event sourcing: восстанавливаем баланс счёта 42, воспроизводя поток его событий.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

let balance = 0;
let lastId = null;
// Every event, oldest first: the order is the history.
// Все события от старых к новым: порядок и есть история.
const entries = await redis.xrange('account:42:events', '-', '+');
for (const [entryId, flat] of entries) {
  // flat is [field, value, field, value, ...] / flat — это [поле, значение, ...]
  const fields = {};
  for (let i = 0; i < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  const amount = Number(fields.amount);
  if (fields.type === 'deposit') balance += amount;
  else if (fields.type === 'withdrawal') balance -= amount;
  lastId = entryId;
}

// The projection remembers where it stopped, so the next run reads only newer events.
// Проекция помнит, где остановилась, и следующий запуск прочитает только новые события.
await redis.hset('account:42', { balance, last_event: lastId });
console.log(`Balance of account 42: ${balance}`);

await redis.quit();
