// A page-view counter: one key per page, counted with INCR, read with MGET.
// Счётчик просмотров: по ключу на страницу, счёт через INCR, чтение через MGET.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

async function recordView(page) {
  // TODO: add 1 to the counter page:views:<page> with INCR (redis.incr).
  // TODO: увеличьте счётчик page:views:<page> на 1 через INCR (redis.incr).
}

for (const page of ['home', 'home', 'about', 'home']) {
  await recordView(page);
}

// TODO: read page:views:home and page:views:about with one MGET (redis.mget) and print "home: ..." and "about: ...".
// TODO: прочитайте page:views:home и page:views:about одним MGET (redis.mget) и напечатайте "home: ..." и "about: ...".
console.log('home: ?');
console.log('about: ?');

await redis.quit();
