// Reserve stock with a registered Lua script: check and take in one step on the server.
// Резерв товара зарегистрированным Lua-скриптом: проверка и списание одним шагом на сервере.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// KEYS[1] stock, KEYS[2] reservations; ARGV[1] quantity, ARGV[2] order id.
// KEYS[1] остаток, KEYS[2] резервы; ARGV[1] количество, ARGV[2] номер заказа.
const RESERVE_LUA = `
local stock = tonumber(redis.call('GET', KEYS[1]) or '0')
local quantity = tonumber(ARGV[1])
if stock < quantity then
  return -1
end
redis.call('DECRBY', KEYS[1], quantity)
redis.call('RPUSH', KEYS[2], ARGV[2])
return stock - quantity
`;

// Sends EVALSHA; the script text only when the server lacks it.
// Шлёт EVALSHA; текст скрипта — только если его нет на сервере.
redis.defineCommand('reserve', { numberOfKeys: 2, lua: RESERVE_LUA });

for (const [order, quantity] of [['order:1', 2], ['order:2', 5], ['order:3', 4]]) {
  const left = await redis.reserve('stock:sku-42', 'reservations:sku-42', quantity, order);
  console.log(left === -1 ? `${order} refused` : `${order} reserved, ${left} left`);
}

await redis.quit();
