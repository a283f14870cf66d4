// A worker of the group shipping: read orders with XREADGROUP, ship, XACK.
// Обработчик группы shipping: читает заказы через XREADGROUP, отправляет, XACK.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('worker-1 waiting for orders...');

for (;;) {
  // '>': entries nobody in the group got yet. null: 30 s without orders.
  // '>' — записи, которые ещё никто в группе не получал. null — 30 с без заказов.
  const reply = await redis.xreadgroup('GROUP', 'shipping', 'worker-1', 'COUNT', 1, 'BLOCK', 30000, 'STREAMS', 'orders', '>');
  if (reply === null) break;
  const [[, [[entryId, flat]]]] = reply;
  const fields = {};
  for (let i = 0; i < flat.length; i += 2) fields[flat[i]] = flat[i + 1];
  console.log(`Shipping order ${fields.order_id}: ${fields.item}`);
  await redis.rpush('orders:shipped', fields.order_id);
  // Acknowledge only once the work is done.
  // Подтверждаем, только когда работа сделана.
  await redis.xack('orders', 'shipping', entryId);
}

await redis.quit();
