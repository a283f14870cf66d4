// A connection pool: 20 orders paid by concurrent tasks that share 4 connections.
// Пул подключений: 20 заказов оплачивают параллельные задачи, которые делят 4 подключения.
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379/0';

// ioredis has no pool: a fixed set of clients is one, opened once for the whole program.
// В ioredis нет пула: пулом служит фиксированный набор клиентов, открытый один раз на всю программу.
const pool = Array.from({ length: 4 }, () => new Redis(url));

async function payOrder(redis, orderId) {
  await redis.hset(`order:${orderId}`, { status: 'paid' });
  await redis.incr('stats:orders:paid');
}

const orderIds = Array.from({ length: 20 }, (_, i) => i + 1);
// All 20 at once, each on the client its number picks. / Все 20 сразу, каждая на клиенте по своему номеру.
await Promise.all(orderIds.map((orderId, i) => payOrder(pool[i % pool.length], orderId)));

console.log(`Paid ${await pool[0].get('stats:orders:paid')} orders`);
await Promise.all(pool.map((redis) => redis.quit()));
