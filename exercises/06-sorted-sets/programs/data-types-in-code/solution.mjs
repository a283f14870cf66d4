// The five data types from code: one key of each, written and read back with ioredis.
// Пять типов данных из кода: по ключу каждого типа, записать и прочитать через ioredis.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// String: a page-view counter. / Строка: счётчик просмотров.
await redis.set('views', 1);
await redis.incr('views');
console.log('Views:', await redis.get('views'));

// Hash: an object's fields under one key. / Хэш: поля объекта под одним ключом.
await redis.hset('user:1', { name: 'Anna', email: 'anna@mail.com' });
console.log('User:', await redis.hgetall('user:1'));

// List: a queue in insertion order. / Список: очередь в порядке добавления.
await redis.lpush('queue', 'task1');
await redis.rpush('queue', 'task2');
console.log('Queue:', await redis.lrange('queue', 0, -1));

// Set: unique members, no order. / Множество: уникальные элементы без порядка.
await redis.sadd('skills', 'Python', 'Redis', 'Docker');
console.log('Skills:', (await redis.smembers('skills')).sort());

// Sorted set: members ordered by score. / Упорядоченное множество: элементы по очкам.
await redis.zadd('leaderboard', 300, 'Bob', 250, 'Alice');
await redis.zincrby('leaderboard', 50, 'Alice');
console.log('Leaderboard:', await redis.zrevrange('leaderboard', 0, -1, 'WITHSCORES'));

await redis.quit();
