// Unique visitors per day: one set per day, SADD on every visit, SCARD to count.
// Уникальные посетители за день: по множеству на день, SADD при каждом визите, SCARD для подсчёта.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const VISITS = [
  ['mon', 'anna'], ['mon', 'boris'], ['mon', 'anna'], ['mon', 'vera'], ['mon', 'boris'],
  ['tue', 'boris'], ['tue', 'gleb'], ['tue', 'anna'], ['tue', 'gleb'],
];

async function recordVisit(day, user) {
  // TODO: add the user to visitors:<day> with SADD (redis.sadd); a repeat visit adds nothing.
  // TODO: добавьте пользователя в visitors:<day> через SADD (redis.sadd); повторный визит ничего не добавит.
}

for (const [day, user] of VISITS) {
  await recordVisit(day, user);
}

// TODO: for mon and tue print "<day>: <SCARD> unique" (redis.scard).
// TODO: для mon и tue напечатайте "<день>: <SCARD> unique" (redis.scard).
console.log(`mon: ${VISITS.filter(([day]) => day === 'mon').length} visits`);

// TODO: print "vera on tue: yes" or "no" with SISMEMBER (redis.sismember returns 1 or 0).
// TODO: напечатайте "vera on tue: yes" или "no" через SISMEMBER (redis.sismember возвращает 1 или 0).

// TODO: store the union of both days in visitors:week with SUNIONSTORE (redis.sunionstore) and print "week: <size> unique".
// TODO: сохраните объединение дней в visitors:week через SUNIONSTORE (redis.sunionstore) и напечатайте "week: <размер> unique".

await redis.quit();
