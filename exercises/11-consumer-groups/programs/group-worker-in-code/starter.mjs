// A worker of the group shipping: read orders with XREADGROUP, ship, XACK.
// Обработчик группы shipping: читает заказы через XREADGROUP, отправляет, XACK.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('worker-1 waiting for orders...');

// TODO: loop: const reply = await redis.xreadgroup('GROUP', 'shipping', 'worker-1', 'COUNT', 1,
//       'BLOCK', 30000, 'STREAMS', 'orders', '>'); null means 30 s without orders: stop.
//       Otherwise const [[, [[entryId, flat]]]] = reply (flat: [field, value, ...]),
//       print "Shipping order <order_id>: <item>", RPUSH the order_id to orders:shipped,
//       then await redis.xack('orders', 'shipping', entryId).
// TODO: цикл: const reply = await redis.xreadgroup('GROUP', 'shipping', 'worker-1', 'COUNT', 1,
//       'BLOCK', 30000, 'STREAMS', 'orders', '>'); null — 30 с без заказов: выходите.
//       Иначе const [[, [[entryId, flat]]]] = reply (flat: [поле, значение, ...]),
//       напечатайте "Shipping order <order_id>: <item>", добавьте order_id в orders:shipped (RPUSH),
//       затем await redis.xack('orders', 'shipping', entryId).

await redis.quit();
