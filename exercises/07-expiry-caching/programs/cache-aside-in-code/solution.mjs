// Cache-aside in code: look in Redis first, go to the database only on a miss,
// keep the copy for 60 seconds, and count hits and misses.
// Cache-aside в коде: сначала смотрим в Redis, в базу идём только при промахе,
// храним копию 60 секунд и считаем попадания и промахи.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const USERS = { 1: 'Anna', 2: 'Boris' };
const TTL_SECONDS = 60;

function getUserFromDb(userId) {
  // The slow database (pretend): every call is a trip the cache should save.
  // Медленная база данных (понарошку): каждый вызов — поход, который должен сберечь кэш.
  console.log(`Fetching user ${userId} from the database...`);
  return { id: userId, name: USERS[userId] };
}

async function getUser(userId) {
  const key = `user:${userId}`;
  const cached = await redis.get(key);
  if (cached !== null) {
    await redis.incr('stats:cache:hits');
    console.log('Cache HIT', key);
    return JSON.parse(cached);
  }
  await redis.incr('stats:cache:misses');
  console.log('Cache MISS', key);
  const user = getUserFromDb(userId);
  // The TTL bounds how stale a copy can get. / TTL ограничивает, насколько копия может устареть.
  await redis.set(key, JSON.stringify(user), 'EX', TTL_SECONDS);
  return user;
}

console.log(await getUser(1));
console.log(await getUser(1)); // a hit: no trip to the database / попадание: без похода в базу
console.log(await getUser(2));
console.log('Hits:', await redis.get('stats:cache:hits'), 'misses:', await redis.get('stats:cache:misses'));

await redis.quit();
