// A connection pool: 20 orders paid by concurrent tasks that share 4 connections.
// Пул подключений: 20 заказов оплачивают параллельные задачи, которые делят 4 подключения.
import { Redis } from 'ioredis';

const url = process.env.REDIS_URL ?? 'redis://localhost:6379/0';

// TODO: one pool for the whole program: const pool = Array.from({ length: 4 }, () => new Redis(url));
// TODO: один пул на всю программу: const pool = Array.from({ length: 4 }, () => new Redis(url));

async function payOrder(orderId) {
  // TODO: this opens a new connection for every order: 20 in all. Take a client from the pool instead
  //       (pass pool[i % pool.length] in), and quit the pool's clients once, at the end.
  // TODO: здесь на каждый заказ открывается новое подключение, всего 20. Берите клиента из пула
  //       (передайте pool[i % pool.length]), а клиентов пула закройте один раз, в конце.
  const redis = new Redis(url);
  await redis.hset(`order:${orderId}`, { status: 'paid' });
  await redis.incr('stats:orders:paid');
  await redis.quit();
}

const orderIds = Array.from({ length: 20 }, (_, i) => i + 1);
await Promise.all(orderIds.map((orderId) => payOrder(orderId)));

console.log('Orders paid');
