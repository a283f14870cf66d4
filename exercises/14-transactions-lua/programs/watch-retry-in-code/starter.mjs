// Anna pays 30: WATCH the balance, write in MULTI/EXEC, retry when EXEC is refused.
// Анна платит 30: WATCH на баланс, запись в MULTI/EXEC, повтор, если EXEC отклонён.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

let attempt = 0;
// TODO: make this a loop (for (;;)) that goes round again while exec() gives null (the balance changed).
// TODO: сделайте это циклом (for (;;)), который идёт на новый круг, пока exec() даёт null (баланс изменился).
attempt += 1;
await redis.watch('account:anna:balance');
const balance = Number(await redis.get('account:anna:balance'));
// TODO: await redis.multi().set('account:anna:balance', balance - 30).rpush('payments:anna', 'order:5001:30').exec()
// TODO: await redis.multi().set('account:anna:balance', balance - 30).rpush('payments:anna', 'order:5001:30').exec()
console.log(`Balance read: ${balance}`);
await redis.unwatch();

console.log(`Paid on attempt ${attempt}`);

await redis.quit();
