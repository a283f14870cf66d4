// A script that greets you and counts how many times it has run.
// Скрипт, который здоровается и считает, сколько раз его запускали.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

await redis.set('name', 'Redis User');
console.log('Hello,', await redis.get('name'));

// INCR adds 1 and returns the new count (a missing key counts as 0).
// INCR прибавляет 1 и возвращает новое значение (отсутствующий ключ считается нулём).
const visits = await redis.incr('visits');
console.log('Visits:', visits);

await redis.quit();
