// Cache invalidation on update: write the database, then delete the cached copy,
// so the next read misses and caches the fresh data.
// Инвалидация кэша при обновлении: запишите в базу, затем удалите копию в кэше,
// чтобы следующее чтение промахнулось и закэшировало свежие данные.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const TTL_SECONDS = 300;

async function getProduct(productId) {
  // Cache-aside: the copy first, the database (the hash db:product:<id>) on a miss.
  // Cache-aside: сначала копия, при промахе — база (хэш db:product:<id>).
  const key = `cache:product:${productId}`;
  const cached = await redis.get(key);
  if (cached !== null) {
    console.log('Cache HIT', key);
    return JSON.parse(cached);
  }
  console.log('Cache MISS', key);
  const product = await redis.hgetall(`db:product:${productId}`);
  await redis.set(key, JSON.stringify(product), 'EX', TTL_SECONDS);
  return product;
}

async function updatePrice(productId, price) {
  await redis.hset(`db:product:${productId}`, 'price', price);
  // TODO: the cached copy is stale now: delete cache:product:<id> (await redis.del(...)) after the write.
  // TODO: копия в кэше теперь устарела: удалите cache:product:<id> (await redis.del(...)) после записи.
}

console.log(`Price of product 7 before: ${(await getProduct(7)).price}`);
await updatePrice(7, 1790);
console.log(`Price of product 7: ${(await getProduct(7)).price}`);

await redis.quit();
