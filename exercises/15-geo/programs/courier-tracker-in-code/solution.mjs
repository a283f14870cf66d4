// A courier tracker: apply the latest positions, then give order 77 to the nearest courier.
// Трекер курьеров: применить последние позиции, затем отдать заказ 77 ближайшему курьеру.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// GEOADD of an existing member moves it: the set keeps the latest position.
// GEOADD для существующего участника перемещает его: множество хранит последнюю позицию.
for (let ping; (ping = await redis.lpop('courier:pings')) !== null; ) {
  const [name, lon, lat] = ping.split(' ');
  await redis.geoadd('couriers', Number(lon), Number(lat), name);
  console.log(`${name} is at ${lon}, ${lat}`);
}

const nearest = await redis.geosearch('couriers', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 5, 'km', 'ASC', 'COUNT', 1, 'WITHDIST');
if (nearest.length > 0) {
  const [[courier, km]] = nearest;
  console.log(`Nearest courier: ${courier} (${km} km)`);
  await redis.set('order:77:courier', courier);
} else {
  console.log('No courier within 5 km');
}

await redis.quit();
