// The shop's order writer, logged in as its own ACL user from the environment.
// Запись заказов магазина под собственным пользователем ACL из окружения.
import { Redis } from 'ioredis';

// TODO: user and password from SHOP_REDIS_USER and SHOP_REDIS_PASSWORD (process.env),
//       falling back to shop-app / shop-app-secret-9.
// TODO: пользователь и пароль из SHOP_REDIS_USER и SHOP_REDIS_PASSWORD (process.env),
//       по умолчанию shop-app / shop-app-secret-9.

// TODO: connect as that user: new Redis({ host: process.env.REDIS_HOST, port: Number(process.env.REDIS_PORT),
//       db: Number(process.env.REDIS_DB), username, password, enableReadyCheck: false })
// TODO: подключитесь под этим пользователем: new Redis({ host: process.env.REDIS_HOST,
//       port: Number(process.env.REDIS_PORT), db: Number(process.env.REDIS_DB), username, password, enableReadyCheck: false })
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: print "Connected as <user>" with the answer of await redis.call('ACL', 'WHOAMI').
// TODO: напечатайте "Connected as <пользователь>" с ответом await redis.call('ACL', 'WHOAMI').

// TODO: save orders:1001 as a hash: customer anna, total 1990 and saved_by the user WHOAMI answered
//       (await redis.hset('orders:1001', { ... })).
// TODO: сохраните orders:1001 как хэш: customer anna, total 1990 и saved_by с пользователем из ответа WHOAMI
//       (await redis.hset('orders:1001', { ... })).
console.log('Order writer started');

await redis.quit();
