// A health report: memory and clients from INFO, the slowest recent command from SLOWLOG.
// Отчёт о здоровье: память и клиенты из INFO, самая медленная недавняя команда из SLOWLOG.
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379/0');

// INFO is text, one "field:value" per line; section headers start with #.
// INFO — текст, по одной строке "поле:значение"; заголовки разделов начинаются с #.
const parseInfo = (text) =>
  Object.fromEntries(
    text
      .split('\r\n')
      .filter((line) => line.includes(':'))
      .map((line) => line.split(/:(.*)/s).slice(0, 2)),
  );

const memory = parseInfo(await redis.info('memory'));
const clients = parseInfo(await redis.info('clients'));
console.log(`used_memory_human: ${memory.used_memory_human}`);
console.log(`connected_clients: ${clients.connected_clients}`);

// Each entry: [id, unixTime, durationUs, [command, ...args], clientAddress, clientName].
// Каждая запись: [id, время unix, длительность в мкс, [команда, ...аргументы], адрес, имя клиента].
const entries = await redis.slowlog('GET', 10);
if (entries.length > 0) {
  const slowest = entries.reduce((a, b) => (b[2] > a[2] ? b : a));
  console.log(`slowest: ${slowest[2]} us ${slowest[3].join(' ')}`);
} else {
  console.log('slowest: none');
}

await redis.quit();
