// The five data types from code: one key of each, written and read back with ioredis.
// Пять типов данных из кода: по ключу каждого типа, записать и прочитать через ioredis.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// String: a page-view counter. / Строка: счётчик просмотров.
await redis.set('views', 1);
await redis.incr('views');
console.log('Views:', await redis.get('views'));

// TODO Hash: user:1 with name Anna and email anna@mail.com (redis.hset with an object), print redis.hgetall.
// TODO Хэш: user:1 с полями name Anna и email anna@mail.com (redis.hset с объектом), напечатайте redis.hgetall.

// TODO List: the queue with task1 pushed on the left (redis.lpush), then task2 on the right (redis.rpush); print redis.lrange.
// TODO Список: queue, task1 слева (redis.lpush), затем task2 справа (redis.rpush); напечатайте redis.lrange.

// TODO Set: skills with Python, Redis and Docker (redis.sadd); print redis.smembers.
// TODO Множество: skills с Python, Redis и Docker (redis.sadd); напечатайте redis.smembers.

// TODO Sorted set: leaderboard with Bob 300 and Alice 250 (redis.zadd), then 50 more for Alice (redis.zincrby);
//      print redis.zrevrange(..., 'WITHSCORES').
// TODO Упорядоченное множество: leaderboard с Bob 300 и Alice 250 (redis.zadd), затем ещё 50 для Alice (redis.zincrby);
//      напечатайте redis.zrevrange(..., 'WITHSCORES').

await redis.quit();
