// Event sourcing: rebuild account 42's balance by replaying its stream of events.
// Event sourcing: восстанавливаем баланс счёта 42, воспроизводя поток его событий.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

let balance = 0;
let lastId = null;
// TODO: read every event: const entries = await redis.xrange('account:42:events', '-', '+');
//       each is [entryId, [field, value, ...]]. A "deposit" adds Number(amount), a "withdrawal"
//       subtracts it; keep entryId in lastId.
// TODO: прочитайте все события: const entries = await redis.xrange('account:42:events', '-', '+');
//       каждое — [entryId, [поле, значение, ...]]. "deposit" прибавляет Number(amount), "withdrawal"
//       вычитает; entryId сохраните в lastId.

// TODO: store the projection: await redis.hset('account:42', { balance, last_event: lastId });
// TODO: сохраните проекцию: await redis.hset('account:42', { balance, last_event: lastId });
console.log(`Balance of account 42: ${balance}`);

await redis.quit();
