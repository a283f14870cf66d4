// A stream producer and consumer: XADD an event, then XREAD BLOCK the next one after it.
// Производитель и потребитель потока: XADD события, затем XREAD BLOCK следующего после него.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const loginId = await redis.xadd('events', '*', 'type', 'login', 'user_id', 123);
console.log('Added login:', loginId);

// After a known id, not $: nothing added in between is skipped. BLOCK is in milliseconds.
// После известного id, а не $: ничего добавленного в промежутке не пропадёт. BLOCK — в миллисекундах.
const reply = await redis.xread('COUNT', 1, 'BLOCK', 30000, 'STREAMS', 'events', loginId);
if (reply === null) {
  console.log('No new events in 30 seconds');
} else {
  const [[, [[entryId, flat]]]] = reply;
  const fields = {};
  for (let i = 0; i < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  console.log(`${fields.type} by user ${fields.user_id}`);
  // Where to go on from after a restart. / С какого места продолжить после перезапуска.
  await redis.set('events:last-seen', entryId);
}

await redis.quit();
