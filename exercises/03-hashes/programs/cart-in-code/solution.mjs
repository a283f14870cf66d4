// A shopping cart: cart:<user> is a hash of product -> quantity.
// Корзина покупок: cart:<user> — хэш «товар -> количество».
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const PRICES = { apple: 30, pear: 45, milk: 80 };

async function addItem(userId, product, qty) {
  // Atomic: two tabs adding at once both count. / Атомарно: две вкладки сразу — обе учтены.
  return redis.hincrby(`cart:${userId}`, product, qty);
}

async function removeItem(userId, product) {
  await redis.hdel(`cart:${userId}`, product);
}

async function cartTotal(userId) {
  const cart = await redis.hgetall(`cart:${userId}`);
  // Quantities come back as text. / Количества возвращаются текстом.
  return Object.entries(cart).reduce((sum, [product, qty]) => sum + PRICES[product] * Number(qty), 0);
}

await addItem(42, 'pear', 2);
await addItem(42, 'apple', 2);
await addItem(42, 'milk', 1);
await removeItem(42, 'milk');

console.log('Cart:', await redis.hgetall('cart:42'));
console.log(`Total: ${await cartTotal(42)}`);

await redis.quit();
