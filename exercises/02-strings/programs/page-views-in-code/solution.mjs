// A page-view counter: one key per page, counted with INCR, read with MGET.
// Счётчик просмотров: по ключу на страницу, счёт через INCR, чтение через MGET.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function recordView(page) {
  // INCR adds 1 inside the server: two requests at once never lose a view.
  // INCR прибавляет 1 внутри сервера: одновременные запросы не теряют просмотры.
  return redis.incr(`page:views:${page}`);
}

for (const page of ['home', 'home', 'about', 'home']) {
  await recordView(page);
}

// One round trip for both counters. / Один запрос на оба счётчика.
const [home, about] = await redis.mget('page:views:home', 'page:views:about');
console.log('home:', home);
console.log('about:', about);

await redis.quit();
