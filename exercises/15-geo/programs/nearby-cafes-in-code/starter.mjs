// Cafes near the user: GEOADD the places, GEOSEARCH around the user's point.
// Кафе рядом с пользователем: GEOADD для мест, GEOSEARCH вокруг точки пользователя.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: one GEOADD with the five cafes of the task: await redis.geoadd('cafes:moscow', lon, lat, name, ...)
//       (longitude first).
// TODO: один GEOADD с пятью кафе из задания: await redis.geoadd('cafes:moscow', lon, lat, name, ...)
//       (сначала долгота).

// TODO: const found = await redis.geosearch('cafes:moscow', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 1, 'km',
//       'ASC', 'WITHDIST'); print "<cafe>: <distance> km" with Number(km).toFixed(2) for each.
// TODO: const found = await redis.geosearch('cafes:moscow', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 1, 'km',
//       'ASC', 'WITHDIST'); напечатайте "<кафе>: <расстояние> km" с Number(km).toFixed(2) для каждого.
console.log('Searching for cafes...');

await redis.quit();
