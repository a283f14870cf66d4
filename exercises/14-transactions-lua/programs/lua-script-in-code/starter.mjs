// Reserve stock with a registered Lua script: check and take in one step on the server.
// Резерв товара зарегистрированным Lua-скриптом: проверка и списание одним шагом на сервере.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// KEYS[1] stock, KEYS[2] reservations; ARGV[1] quantity, ARGV[2] order id.
// KEYS[1] остаток, KEYS[2] резервы; ARGV[1] количество, ARGV[2] номер заказа.
const RESERVE_LUA = `
local stock = tonumber(redis.call('GET', KEYS[1]) or '0')
-- TODO: return -1 when stock is less than tonumber(ARGV[1]); otherwise DECRBY KEYS[1] by it,
--       RPUSH ARGV[2] to KEYS[2] and return what is left.
-- TODO: верните -1, если stock меньше tonumber(ARGV[1]); иначе уменьшите KEYS[1] на него (DECRBY),
--       добавьте ARGV[2] в KEYS[2] (RPUSH) и верните остаток.
return stock
`;

// TODO: redis.defineCommand('reserve', { numberOfKeys: 2, lua: RESERVE_LUA });
// TODO: redis.defineCommand('reserve', { numberOfKeys: 2, lua: RESERVE_LUA });

for (const [order, quantity] of [['order:1', 2], ['order:2', 5], ['order:3', 4]]) {
  // TODO: const left = await redis.reserve('stock:sku-42', 'reservations:sku-42', quantity, order);
  //       print "<order> refused" for -1, else "<order> reserved, <left> left".
  // TODO: const left = await redis.reserve('stock:sku-42', 'reservations:sku-42', quantity, order);
  //       напечатайте "<order> refused" для -1, иначе "<order> reserved, <left> left".
  console.log(`${order}: ${quantity} wanted`);
}

await redis.quit();
