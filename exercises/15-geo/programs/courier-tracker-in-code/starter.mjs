// A courier tracker: apply the latest positions, then give order 77 to the nearest courier.
// Трекер курьеров: применить последние позиции, затем отдать заказ 77 ближайшему курьеру.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// TODO: take every ping off courier:pings (await redis.lpop until null); each is "<courier> <lon> <lat>":
//       move the courier with await redis.geoadd('couriers', Number(lon), Number(lat), name).
// TODO: заберите все позиции из courier:pings (await redis.lpop, пока не null); каждая — "<курьер> <lon> <lat>":
//       переместите курьера через await redis.geoadd('couriers', Number(lon), Number(lat), name).

// TODO: const nearest = await redis.geosearch('couriers', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 5, 'km',
//       'ASC', 'COUNT', 1, 'WITHDIST') gives [[courier, km]]: print "Nearest courier: <courier> (<km> km)"
//       and SET order:77:courier to the courier.
// TODO: const nearest = await redis.geosearch('couriers', 'FROMLONLAT', 37.6176, 55.7558, 'BYRADIUS', 5, 'km',
//       'ASC', 'COUNT', 1, 'WITHDIST') даёт [[courier, km]]: напечатайте "Nearest courier: <курьер> (<km> km)"
//       и запишите курьера в order:77:courier (SET).
console.log('Order 77 is ready');

await redis.quit();
