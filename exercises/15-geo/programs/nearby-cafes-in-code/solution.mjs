// Cafes near the user: GEOADD the places, GEOSEARCH around the user's point.
// Кафе рядом с пользователем: GEOADD для мест, GEOSEARCH вокруг точки пользователя.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// Longitude first, then latitude.
// Сначала долгота, потом широта.
await redis.geoadd(
  'cafes:moscow',
  37.62, 55.757, 'coffee-bean',
  37.61, 55.76, 'surf-coffee',
  37.635, 55.75, 'double-b',
  37.59, 55.74, 'cofix',
  37.655, 55.77, 'skuratov',
);

const found = await redis.geosearch('cafes:moscow', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 1, 'km', 'ASC', 'WITHDIST');
for (const [name, km] of found) {
  console.log(`${name}: ${Number(km).toFixed(2)} km`);
}

await redis.quit();
