// A health report: memory and clients from INFO, the slowest recent command from SLOWLOG.
// Отчёт о здоровье: память и клиенты из INFO, самая медленная недавняя команда из SLOWLOG.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

console.log('Health report');

// TODO: await redis.info('memory') and await redis.info('clients') are text, one "field:value" per line:
//       find used_memory_human and connected_clients and print "used_memory_human: <value>" and
//       "connected_clients: <value>".
// TODO: await redis.info('memory') и await redis.info('clients') — текст, по одной строке "поле:значение":
//       найдите used_memory_human и connected_clients и напечатайте "used_memory_human: <значение>" и
//       "connected_clients: <значение>".

// TODO: const entries = await redis.slowlog('GET', 10); each entry is [id, time, durationUs, [command, ...args], ...]:
//       print the slowest as "slowest: <duration> us <command>".
// TODO: const entries = await redis.slowlog('GET', 10); каждая запись — [id, время, мкс, [команда, ...аргументы], ...]:
//       напечатайте самую медленную как "slowest: <длительность> us <команда>".

await redis.quit();
