// A stream producer and consumer: XADD an event, then XREAD BLOCK the next one after it.
// Производитель и потребитель потока: XADD события, затем XREAD BLOCK следующего после него.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO Producer: add type login, user_id 123 to the stream events with XADD (redis.xadd('events', '*', ...)) and keep the id.
// TODO Производитель: добавьте type login, user_id 123 в поток events через XADD (redis.xadd('events', '*', ...)) и сохраните id.
const loginId = null;
console.log('Added login:', loginId);

// TODO Consumer: wait for the next entry after loginId:
//      await redis.xread('COUNT', 1, 'BLOCK', 30000, 'STREAMS', 'events', loginId).
//      The reply is [[stream, [[entryId, [field, value, ...]]]]] (null on timeout). Print "<type> by user <user_id>"
//      and store entryId in events:last-seen (redis.set).
// TODO Потребитель: дождитесь следующей записи после loginId:
//      await redis.xread('COUNT', 1, 'BLOCK', 30000, 'STREAMS', 'events', loginId).
//      Ответ — [[поток, [[entryId, [поле, значение, ...]]]]] (null по таймауту). Напечатайте "<type> by user <user_id>"
//      и запишите entryId в events:last-seen (redis.set).

await redis.quit();
