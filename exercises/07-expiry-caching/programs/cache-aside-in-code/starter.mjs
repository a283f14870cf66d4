// Cache-aside in code: look in Redis first, go to the database only on a miss,
// keep the copy for 60 seconds, and count hits and misses.
// Cache-aside в коде: сначала смотрим в Redis, в базу идём только при промахе,
// храним копию 60 секунд и считаем попадания и промахи.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const USERS = { 1: 'Anna', 2: 'Boris' };

function getUserFromDb(userId) {
  // The slow database (pretend): every call is a trip the cache should save.
  // Медленная база данных (понарошку): каждый вызов — поход, который должен сберечь кэш.
  console.log(`Fetching user ${userId} from the database...`);
  return { id: userId, name: USERS[userId] };
}

async function getUser(userId) {
  // TODO cache-aside with the key user:<id>:
  //   1. GET the key. A hit: INCR stats:cache:hits and return JSON.parse(the value).
  //   2. A miss: INCR stats:cache:misses, read the database, SET the key to JSON.stringify(user)
  //      with a TTL of 60 seconds ('EX', 60), and return the user.
  // TODO cache-aside с ключом user:<id>:
  //   1. GET ключа. Попадание: INCR stats:cache:hits и вернуть JSON.parse(значение).
  //   2. Промах: INCR stats:cache:misses, прочитать базу, SET ключа в JSON.stringify(user)
  //      с TTL 60 секунд ('EX', 60) и вернуть пользователя.
  return getUserFromDb(userId);
}

console.log(await getUser(1));
console.log(await getUser(1)); // a hit: no trip to the database / попадание: без похода в базу
console.log(await getUser(2));

await redis.quit();
