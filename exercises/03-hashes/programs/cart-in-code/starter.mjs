// A shopping cart: cart:<user> is a hash of product -> quantity.
// Корзина покупок: cart:<user> — хэш «товар -> количество».
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const PRICES = { apple: 30, pear: 45, milk: 80 };

async function addItem(userId, product, qty) {
  // TODO: add qty to the product's quantity in cart:<userId> with HINCRBY (redis.hincrby).
  // TODO: прибавьте qty к количеству товара в cart:<userId> через HINCRBY (redis.hincrby).
}

async function removeItem(userId, product) {
  // TODO: remove the product from cart:<userId> with HDEL (redis.hdel).
  // TODO: удалите товар из cart:<userId> через HDEL (redis.hdel).
}

async function cartTotal(userId) {
  // TODO: read the cart with HGETALL (redis.hgetall) and sum PRICES[product] * Number(quantity).
  // TODO: прочитайте корзину через HGETALL (redis.hgetall) и сложите PRICES[товар] * Number(количество).
  return 0;
}

await addItem(42, 'pear', 2);
await addItem(42, 'apple', 2);
await addItem(42, 'milk', 1);
await removeItem(42, 'milk');

console.log('Cart:', await redis.hgetall('cart:42'));
console.log(`Total: ${await cartTotal(42)}`);

await redis.quit();
