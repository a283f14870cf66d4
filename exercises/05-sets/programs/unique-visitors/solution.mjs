// Unique visitors per day: one set per day, SADD on every visit, SCARD to count.
// Уникальные посетители за день: по множеству на день, SADD при каждом визите, SCARD для подсчёта.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

const VISITS = [
  ['mon', 'anna'], ['mon', 'boris'], ['mon', 'anna'], ['mon', 'vera'], ['mon', 'boris'],
  ['tue', 'boris'], ['tue', 'gleb'], ['tue', 'anna'], ['tue', 'gleb'],
];

async function recordVisit(day, user) {
  // A set keeps each member once: a repeat visit adds nothing.
  // Множество хранит элемент один раз: повторный визит ничего не добавляет.
  await redis.sadd(`visitors:${day}`, user);
}

for (const [day, user] of VISITS) {
  await recordVisit(day, user);
}

for (const day of ['mon', 'tue']) {
  console.log(`${day}: ${await redis.scard(`visitors:${day}`)} unique`);
}

console.log('vera on tue:', (await redis.sismember('visitors:tue', 'vera')) === 1 ? 'yes' : 'no');

const week = await redis.sunionstore('visitors:week', 'visitors:mon', 'visitors:tue');
console.log(`week: ${week} unique`);

await redis.quit();
