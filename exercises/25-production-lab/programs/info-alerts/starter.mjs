// An alert script over INFO: it watches the master's metrics and prints an
// ALERT line the moment a rule is broken, once per rule.
// Скрипт оповещений по INFO: он следит за метриками мастера и печатает строку
// ALERT, как только нарушено правило, — по одной на правило.
//
// redis-tutor runs it with REDIS_URL (the master) and REDIS_REPLICAS
// (host:port of each replica the master should have).
// redis-tutor запускает его с REDIS_URL (мастер) и REDIS_REPLICAS
// (host:port каждой реплики, которая должна быть у мастера).
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
const expectedReplicas = (process.env.REDIS_REPLICAS ?? '').split(',').filter(Boolean).length;

// INFO is "field:value" lines; a number field of a section.
// INFO — это строки "поле:значение"; числовое поле раздела.
const infoNumber = async (section, field) => Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(await redis.info(section))?.[1] ?? 0);

console.log(`used_memory ${await infoNumber('memory', 'used_memory')}, maxmemory ${await infoNumber('memory', 'maxmemory')}`);
console.log(`replicas connected: ${await infoNumber('replication', 'connected_slaves')} of ${expectedReplicas}`);

// TODO: look every 200 ms, for up to 10 s, until both alerts have been printed:
//   - used_memory >= 80% of maxmemory (and maxmemory > 0): print a line starting "ALERT memory:";
//   - connected_slaves < expectedReplicas: print a line starting "ALERT replica:".
//   Print each alert once.
// TODO: проверяйте раз в 200 мс, не дольше 10 с, пока не напечатаны оба оповещения:
//   - used_memory >= 80% от maxmemory (и maxmemory > 0): строка, начинающаяся с "ALERT memory:";
//   - connected_slaves < expectedReplicas: строка, начинающаяся с "ALERT replica:".
//   Каждое оповещение — один раз.

await redis.quit();
